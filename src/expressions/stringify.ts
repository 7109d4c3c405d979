import type { JsonValue } from './values';

/**
 * How a value reads inside `@{...}` interpolation, as Logic Apps writes it: null is empty,
 * booleans are `True`/`False` (the .NET spelling), objects and arrays are compact JSON.
 */
export function toInterpolatedString(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
