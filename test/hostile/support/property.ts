/**
 * Shared settings for the hostile-input properties: a fixed seed (override with HOSTILE_SEED to
 * explore, and the failure report prints the seed and path to replay), a run count and a wall-clock
 * cap so no property can stall the suite.
 */
import type { Parameters } from 'fast-check';

export const SEED = Number(process.env['HOSTILE_SEED'] ?? 20261130);

export function bounded<T>(numRuns: number, timeLimitMs: number): Parameters<T> {
  return { seed: SEED, numRuns, interruptAfterTimeLimit: timeLimitMs, markInterruptAsFailure: false };
}

export interface Timed<T> {
  readonly ms: number;
  readonly value?: T;
  readonly error?: unknown;
}

/** Runs `work` synchronously and measures it; a thrown error is captured, not rethrown. */
export function timed<T>(work: () => T): Timed<T> {
  const start = performance.now();
  try {
    const value = work();
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

/**
 * Like `timed`, but when the first run is over `budgetMs` it runs `work` twice more and keeps the
 * fastest: a garbage-collection pause or a busy shared machine slows one run, while a catastrophic
 * regex or a quadratic loop is slow every time.
 */
export function timedWithin<T>(budgetMs: number, work: () => T): Timed<T> {
  let best = timed(work);
  for (let retry = 0; retry < 2 && best.ms > budgetMs; retry++) {
    const again = timed(work);
    if (again.ms < best.ms) best = again;
  }
  return best;
}

/** Names a thrown value for assertion messages. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 300)}` : String(error);
}
