/**
 * Function-level retry policies (`retry` in `app.timer(...)`), which the host applies to timer
 * triggers: `fixedDelay` waits `delayInterval` between attempts; `exponentialBackoff` waits
 * `minimumInterval * 2^(retry-1)`, capped at `maximumInterval` (the real host adds jitter; this host
 * does not, so tests are repeatable). `maxRetryCount: -1` retries forever.
 */
export interface RetryPolicy {
  readonly maxRetryCount: number;
  /** Delay before retry number `retryCount` (1 = first retry), in milliseconds. */
  delayMs(retryCount: number): number;
}

function durationMs(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object') {
    const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
    return (Number(seconds ?? 0) || 0) * 1000 + Math.round((Number(nanos ?? 0) || 0) / 1e6);
  }
  return 0;
}

export function retryPolicy(options: Readonly<Record<string, unknown>> | undefined): RetryPolicy | undefined {
  if (!options) return undefined;
  const maxRetryCount = Number(options['maxRetryCount'] ?? 0);
  if (!Number.isInteger(maxRetryCount) || maxRetryCount === 0) return undefined;
  const rawStrategy = options['retryStrategy'] ?? options['strategy'];
  const strategy = typeof rawStrategy === 'string' ? rawStrategy.toLowerCase() : 'fixeddelay';
  if (strategy === 'exponentialbackoff') {
    const min = durationMs(options['minimumInterval']);
    const max = durationMs(options['maximumInterval']) || Number.MAX_SAFE_INTEGER;
    return { maxRetryCount, delayMs: (n) => Math.min(max, min * 2 ** Math.max(0, n - 1)) };
  }
  const delay = durationMs(options['delayInterval']);
  return { maxRetryCount, delayMs: () => delay };
}
