/** A seeded pseudo-random source (mulberry32), so a failing fault schedule can be replayed. */

export interface Seeded {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [low, high]. */
  between(low: number, high: number): number;
}

/** Seed from `RELIABILITY_SEED` when set, else from the clock; the test prints it. */
export function seededRandom(): Seeded {
  const fromEnv = process.env['RELIABILITY_SEED'];
  const seed = fromEnv === undefined ? Date.now() % 2 ** 31 : Number(fromEnv);
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { seed, next, between: (low, high) => low + Math.floor(next() * (high - low + 1)) };
}
