/** Text of any value for messages and headers: strings as they are, everything else as JSON. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
}
