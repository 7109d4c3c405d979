/**
 * Retry policies as the engine applies them to connector calls (actions/call-connector.ts): which
 * failures are retried, how often, and how long it waits, read off the virtual clock.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/expressions/values';
import { errorOf, find, http, httpAction, run } from './helpers';
import { type ActivityHandler, type Reply, START } from './memory-port';

/** Answers the calls in turn with `replies`, repeating the last one. */
const script = (...replies: Reply[]): ActivityHandler => {
  let n = 0;
  return () => replies[Math.min(n++, replies.length - 1)] ?? http(200);
};

function call(retryPolicy: JsonObject | undefined, ...replies: Reply[]) {
  const outcome = run(
    { Call: httpAction('x', retryPolicy ? { retryPolicy } : {}) },
    { activity: script(...replies) },
  );
  const calls = outcome.port.calls;
  return {
    outcome,
    record: find(outcome.actions, 'Call'),
    starts: calls.map((c) => c.at - START),
    /** Wait between the end of one attempt and the start of the next. */
    gaps: calls.slice(1).map((c, i) => c.at - (calls[i]?.endAt ?? NaN)),
  };
}

describe('the default policy', () => {
  it('retries four times at exponentially growing random intervals between 5 s and 45 s', () => {
    const { record, gaps, outcome } = call(undefined, http(500));
    expect(gaps).toHaveLength(4);
    const bounds = [
      [5_000, 7_500],
      [7_500, 15_000],
      [15_000, 30_000],
      [30_000, 45_000],
    ];
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(bounds[i]?.[0] ?? NaN);
      expect(gap).toBeLessThanOrEqual(bounds[i]?.[1] ?? NaN);
    });
    // Each wait is a durable timer that fired; none is left pending.
    expect(outcome.port.timers.map((t) => [t.fireAt - t.createdAt, t.state])).toEqual(
      gaps.map((g) => [g, 'fired']),
    );
    expect(errorOf(record).code).toBe('Status500');
    expect(record.outputs).toEqual({ statusCode: 500, headers: {}, body: null });
  });

  it('waits the same random intervals when the same run is replayed', () => {
    expect(call(undefined, http(503)).gaps).toEqual(call(undefined, http(503)).gaps);
  });

  it('records every failed attempt in the retry history and succeeds on a later attempt', () => {
    const { record, starts } = call(
      { type: 'fixed', count: 3, interval: 'PT10S' },
      http(500, { afterMs: 1000 }),
      http(429, { afterMs: 1000 }),
      http(200, { afterMs: 1000, body: 'done' }),
    );
    expect(starts).toEqual([0, 11_000, 22_000]);
    expect(record.status).toBe('Succeeded');
    expect(record.outputs).toEqual({ statusCode: 200, headers: {}, body: 'done' });
    expect(record.retryHistory?.map((r) => [r.startTime, r.endTime, r.code])).toEqual([
      ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z', 'Status500'],
      ['2024-01-01T00:00:11.000Z', '2024-01-01T00:00:12.000Z', 'Status429'],
    ]);
  });
});

describe('retry policies', () => {
  it.for([
    ['none', { type: 'none' }, [0]],
    ['fixed, 2 retries 30 s apart', { type: 'fixed', count: 2, interval: 'PT30S' }, [0, 30_000, 60_000]],
    ['fixed without an interval (20 s)', { type: 'Fixed', count: 1 }, [0, 20_000]],
    [
      'exponential clamped to [PT10S, PT20S]',
      {
        type: 'exponential',
        count: 3,
        interval: 'PT10S',
        minimumInterval: 'PT10S',
        maximumInterval: 'PT20S',
      },
      [0, 10_000, undefined, undefined],
    ],
  ] as const)('%s starts the attempts at the right times', ([_label, policy, expected]) => {
    const { starts, gaps, record } = call(policy, http(500));
    expect(starts).toHaveLength(expected.length);
    expected.forEach((at, i) => at === undefined || expect(starts[i]).toBe(at));
    expect(record.status).toBe('Failed');
    if (policy.type === 'exponential') {
      // Retry 2 is random in [10 s, 20 s]; retry 3's range [20 s, 40 s] is clamped to exactly 20 s.
      expect(gaps[1]).toBeGreaterThanOrEqual(10_000);
      expect(gaps[1]).toBeLessThanOrEqual(20_000);
      expect(gaps[2]).toBe(20_000);
    }
  });

  it.for([
    [408, 2],
    [429, 2],
    [500, 2],
    [502, 2],
    [503, 2],
    [504, 2],
    [400, 1],
    [401, 1],
    [403, 1],
    [404, 1],
    [409, 1],
  ] as const)('a %i answer is sent %i time(s) under a one-retry policy', ([status, attempts]) => {
    const { starts, record } = call({ type: 'fixed', count: 1, interval: 'PT5S' }, http(status));
    expect(starts).toHaveLength(attempts);
    expect(errorOf(record).code).toBe(`Status${status}`);
  });

  it('retries an activity that threw (a connection failure) and reports its message', () => {
    const { starts, record } = call({ type: 'fixed', count: 2, interval: 'PT5S' }, { throws: 'ECONNRESET' });
    expect(starts).toEqual([0, 5_000, 10_000]);
    expect(errorOf(record)).toEqual({ code: 'ActivityFailed', message: 'ECONNRESET' });
  });

  it.for([
    [
      'a longer Retry-After wins over the interval',
      { type: 'fixed', count: 1, interval: 'PT10S' },
      30_000,
      [0, 30_000],
    ],
    [
      'a shorter Retry-After loses to the interval',
      { type: 'fixed', count: 1, interval: 'PT10S' },
      2_000,
      [0, 10_000],
    ],
    ['Retry-After does not retry under policy none', { type: 'none' }, 30_000, [0]],
  ] as const)('%s', ([_label, policy, retryAfterMs, expected]) => {
    expect(call(policy, http(429, { retryAfterMs })).starts).toEqual(expected);
  });

  it('reads a retry policy from the inputs too, and never sends it to the connector', () => {
    const outcome = run(
      {
        Call: {
          type: 'Http',
          inputs: { method: 'GET', uri: 'x', retryPolicy: { type: 'fixed', count: 1, interval: 'PT7S' } },
        },
      },
      { activity: script(http(500)) },
    );
    expect(outcome.port.calls.map((c) => c.at - START)).toEqual([0, 7_000]);
    expect(outcome.port.calls[0]?.input).toEqual({ method: 'GET', uri: 'x', idempotencyKey: 'run-1/Call' });
  });

  it.for([
    [
      { type: 'sometimes' },
      "The retryPolicy type must be default, none, fixed or exponential; got 'sometimes'.",
    ],
    [{ type: 'fixed', count: 0 }, 'The retryPolicy count must be an integer from 1 to 90; got 0.'],
    [{ type: 'fixed', count: 91 }, 'The retryPolicy count must be an integer from 1 to 90; got 91.'],
    [
      { type: 'fixed', interval: 'PT1S' },
      "The retryPolicy interval must be between PT5S and P1D; got 'PT1S'.",
    ],
    [
      { type: 'exponential', maximumInterval: 'P2D' },
      "The retryPolicy maximumInterval must be between PT5S and P1D; got 'P2D'.",
    ],
  ] as const)('fails the action without calling anything for the policy %j', ([policy, message]) => {
    const { starts, record } = call(policy, http(200));
    expect(starts).toEqual([]);
    expect(errorOf(record)).toEqual({ code: 'InvalidRetryPolicy', message });
  });
});
