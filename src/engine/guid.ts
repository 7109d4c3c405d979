/**
 * GUIDs for `guid()` and child run ids, derived from the run id and a counter only. Every port
 * (Durable, history replay, tests) gives the same sequence, so a run view rebuilt from history shows
 * the values the run really used. Not cryptographic: uniqueness comes from the run id.
 */
export function deterministicGuid(runId: string, counter: number): string {
  const text = `${runId}#${counter}`;
  const words = [0x811c9dc5, 0x01000193, 0x6d2b79f5, 0x9e3779b9].map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    return (h ^ (h >>> 12)) >>> 0;
  });
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  // Shape it as a version-4, variant-1 UUID so consumers that check the format accept it.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
