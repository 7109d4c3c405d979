/** The pure policy functions: ISO 8601 durations, retry policy resolution and retry delays. */
import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../../src/engine/policy/duration';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  nextDelayMs,
  resolveRetryPolicy,
  retryDelayMs,
} from '../../src/engine/policy/retry';

const S = 1000;
const DAY = 86_400_000;

describe('parseIsoDuration', () => {
  it.for([
    ['PT20S', 20 * S],
    ['PT7.5S', 7500],
    ['PT0.5S', 500],
    ['PT5M', 300 * S],
    ['PT1H', 3600 * S],
    ['PT1H30M', 5400 * S],
    ['PT1M30.5S', 90_500],
    ['PT90M', 5400 * S],
    ['P1D', DAY],
    ['P1DT12H', 1.5 * DAY],
    ['P1W', 7 * DAY],
    ['P1M', 30 * DAY],
    ['P1Y', 365 * DAY],
    ['P0D', 0],
    [' PT5S ', 5 * S],
  ] as const)('reads %j as %i ms', ([text, ms]) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.for(['', 'P', 'PT', 'P1DT', '1H', 'PT5', 'P1H', 'PT-5S', 'PT1H1H', 'T1H', 'five minutes'])(
    'rejects %j as InvalidDuration',
    (text) => {
      expect(() => parseIsoDuration(text)).toThrow(
        expect.objectContaining({
          code: 'InvalidDuration',
          message: `'${text}' is not an ISO 8601 duration; write it like PT20S, PT5M, PT1H or P1D.`,
        }),
      );
    },
  );
});

describe('resolveRetryPolicy', () => {
  it.for([
    ['absent', undefined, DEFAULT_RETRY_POLICY],
    ['default', { type: 'default' }, DEFAULT_RETRY_POLICY],
    ['none', { type: 'None' }, { ...DEFAULT_RETRY_POLICY, kind: 'none', count: 0 }],
    [
      'fixed',
      { type: 'fixed', count: 2, interval: 'PT30S' },
      { kind: 'fixed', count: 2, intervalMs: 30 * S, minimumIntervalMs: 5 * S, maximumIntervalMs: DAY },
    ],
    [
      'fixed without count or interval',
      { type: 'fixed' },
      { kind: 'fixed', count: 4, intervalMs: 20 * S, minimumIntervalMs: 5 * S, maximumIntervalMs: DAY },
    ],
    [
      'exponential',
      { type: 'exponential', count: 6, interval: 'PT10S', minimumInterval: 'PT6S', maximumInterval: 'PT1H' },
      {
        kind: 'exponential',
        count: 6,
        intervalMs: 10 * S,
        minimumIntervalMs: 6 * S,
        maximumIntervalMs: 3600 * S,
      },
    ],
  ] as const)('resolves the %s policy', ([_label, raw, expected]) => {
    expect(resolveRetryPolicy(raw)).toEqual(expected);
  });

  it('rejects a policy that is not an object', () => {
    expect(() => resolveRetryPolicy('fixed')).toThrow('The retryPolicy must be an object with a type.');
  });
});

describe('retryDelayMs', () => {
  const exponential = resolveRetryPolicy({
    type: 'exponential',
    count: 5,
    interval: 'PT10S',
    minimumInterval: 'PT5S',
    maximumInterval: 'PT1M',
  });

  // Logic Apps: retry n waits a random time in [interval * 2^(n-2), interval * 2^(n-1)], retry 1
  // from the minimum interval, clamped to [minimumInterval, maximumInterval].
  it.for([
    ['default', 1, 5 * S, 7.5 * S, DEFAULT_RETRY_POLICY],
    ['default', 2, 7.5 * S, 15 * S, DEFAULT_RETRY_POLICY],
    ['default', 3, 15 * S, 30 * S, DEFAULT_RETRY_POLICY],
    ['default', 4, 30 * S, 45 * S, DEFAULT_RETRY_POLICY],
    ['exponential', 1, 5 * S, 10 * S, exponential],
    ['exponential', 3, 20 * S, 40 * S, exponential],
    ['exponential', 4, 40 * S, 60 * S, exponential],
    ['exponential', 5, 60 * S, 60 * S, exponential],
  ] as const)('under the %s policy, retry %i waits from %i to %i ms', ([_label, n, low, high, policy]) => {
    expect(retryDelayMs(policy, n, () => 0)).toBe(low);
    expect(retryDelayMs(policy, n, () => 0.999_999_9)).toBe(high);
    expect(retryDelayMs(policy, n, () => 0.5)).toBe(Math.round((low + high) / 2));
  });

  it.for([
    ['default', 5, DEFAULT_RETRY_POLICY],
    ['exponential', 6, exponential],
    ['none', 1, resolveRetryPolicy({ type: 'none' })],
    ['fixed', 3, resolveRetryPolicy({ type: 'fixed', count: 2 })],
  ] as const)('the %s policy allows no retry number %i', ([_label, n, policy]) => {
    expect(retryDelayMs(policy, n, () => 0.5)).toBeUndefined();
  });

  it('waits the fixed interval whatever the random number', () => {
    const fixed = resolveRetryPolicy({ type: 'fixed', count: 2, interval: 'PT30S' });
    expect([retryDelayMs(fixed, 1, () => 0), retryDelayMs(fixed, 2, () => 0.9)]).toEqual([30 * S, 30 * S]);
  });

  it.for([
    [undefined, 20 * S],
    [5 * S, 20 * S],
    [90 * S, 90 * S],
  ] as const)('with Retry-After %j the next delay is %i ms', ([retryAfter, expected]) => {
    const fixed = resolveRetryPolicy({ type: 'fixed', count: 1 });
    expect(nextDelayMs(fixed, 1, () => 0, retryAfter)).toBe(expected);
    expect(nextDelayMs(fixed, 2, () => 0, retryAfter)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it.for([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [499, false],
    [200, false],
  ] as const)('status %i is retryable: %s', ([status, expected]) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});
