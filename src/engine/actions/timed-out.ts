import type { Outcome } from './env';

/** The outcome of an action whose `limit.timeout` elapsed. */
export function timedOut(extra: Partial<Outcome> = {}): Outcome {
  const message = 'The action did not complete within the time allowed by its limit.timeout.';
  return { status: 'TimedOut', code: 'ActionTimedOut', error: { code: 'ActionTimedOut', message }, ...extra };
}
