/**
 * Logic Apps retry policies. Absent or `default`: exponential, 4 retries, intervals that scale by
 * 7.5 s and are capped between 5 and 45 s. `none`: no retry. `fixed`: `count` retries `interval`
 * apart. `exponential`: retry n waits a random time in [interval * 2^(n-2), interval * 2^(n-1)]
 * (retry 1 from `minimumInterval`), clamped to [minimumInterval, maximumInterval].
 * Only failures the connector marks retryable are retried (408, 429, 5xx, connection failures).
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { ActionFailure } from '../ops/failure';
import { parseIsoDuration } from './duration';
import { text } from '../text';

export interface RetryPolicy {
  readonly kind: 'none' | 'fixed' | 'exponential';
  readonly count: number;
  readonly intervalMs: number;
  readonly minimumIntervalMs: number;
  readonly maximumIntervalMs: number;
}

const SECOND = 1000;
const DAY = 86_400_000;
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  kind: 'exponential',
  count: 4,
  intervalMs: 7.5 * SECOND,
  minimumIntervalMs: 5 * SECOND,
  maximumIntervalMs: 45 * SECOND,
};

export function resolveRetryPolicy(raw: unknown): RetryPolicy {
  if (raw === undefined || raw === null) return DEFAULT_RETRY_POLICY;
  if (!isJsonObject(raw as JsonValue))
    throw new ActionFailure('InvalidRetryPolicy', 'The retryPolicy must be an object with a type.');
  const policy = raw as Record<string, JsonValue>;
  const type = text(policy['type'] ?? 'default').toLowerCase();
  if (type === 'default') return DEFAULT_RETRY_POLICY;
  if (type === 'none') return { ...DEFAULT_RETRY_POLICY, kind: 'none', count: 0 };
  if (type !== 'fixed' && type !== 'exponential') {
    throw new ActionFailure(
      'InvalidRetryPolicy',
      `The retryPolicy type must be default, none, fixed or exponential; got '${type}'.`,
    );
  }
  const count = Number(policy['count'] ?? 4);
  if (!Number.isInteger(count) || count < 1 || count > 90) {
    throw new ActionFailure(
      'InvalidRetryPolicy',
      `The retryPolicy count must be an integer from 1 to 90; got ${JSON.stringify(policy['count'])}.`,
    );
  }
  const duration = (field: string, fallback: number, min: number, max: number): number => {
    const value = policy[field];
    if (value === undefined) return fallback;
    const ms = parseIsoDuration(text(value));
    if (ms < min || ms > max) {
      throw new ActionFailure(
        'InvalidRetryPolicy',
        `The retryPolicy ${field} must be between PT5S and P1D; got '${text(value)}'.`,
      );
    }
    return ms;
  };
  const intervalMs = duration('interval', type === 'fixed' ? 20 * SECOND : 7.5 * SECOND, 5 * SECOND, DAY);
  return {
    kind: type,
    count,
    intervalMs,
    minimumIntervalMs: duration('minimumInterval', 5 * SECOND, 5 * SECOND, DAY),
    maximumIntervalMs: duration('maximumInterval', DAY, 5 * SECOND, DAY),
  };
}

/** The wait before retry `retryNumber` (1-based), or undefined when the policy allows no more. */
export function retryDelayMs(
  policy: RetryPolicy,
  retryNumber: number,
  random: () => number,
): number | undefined {
  if (policy.kind === 'none' || retryNumber > policy.count) return undefined;
  if (policy.kind === 'fixed') return policy.intervalMs;
  const low = retryNumber === 1 ? policy.minimumIntervalMs : policy.intervalMs * 2 ** (retryNumber - 2);
  const high = policy.intervalMs * 2 ** (retryNumber - 1);
  const lo = Math.min(Math.max(low, policy.minimumIntervalMs), policy.maximumIntervalMs);
  const hi = Math.min(Math.max(high, lo), policy.maximumIntervalMs);
  return Math.round(lo + (hi - lo) * random());
}

/** The computed wait, or the server's Retry-After when that is longer. */
export function nextDelayMs(
  policy: RetryPolicy,
  retryNumber: number,
  random: () => number,
  retryAfterMs?: number,
): number | undefined {
  const delay = retryDelayMs(policy, retryNumber, random);
  if (delay === undefined) return undefined;
  return retryAfterMs !== undefined && retryAfterMs > delay ? retryAfterMs : delay;
}

export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 429 || statusCode >= 500;
}
