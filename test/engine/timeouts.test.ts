/** `limit.timeout` on slow actions, and the Wait action as a durable timer on the virtual clock. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/expressions/values';
import { compose, errorOf, find, http, httpAction, inputOf, run, statusesOf } from './helpers';
import { type ActivityHandler, runWorkflow, START } from './memory-port';

const MINUTE = 60_000;
const after =
  (afterMs: number): ActivityHandler =>
  () =>
    http(200, { afterMs });
const TIMED_OUT = {
  code: 'ActionTimedOut',
  message: 'The action did not complete within the time allowed by its limit.timeout.',
};

describe('limit.timeout', () => {
  it('times out an activity slower than the limit, at the limit', () => {
    const outcome = run(
      { Call: httpAction('x', { limit: { timeout: 'PT10S' } }) },
      { activity: after(MINUTE) },
    );
    const record = find(outcome.actions, 'Call');
    expect([record.status, record.endTime]).toEqual(['TimedOut', '2024-01-01T00:00:10.000Z']);
    expect(errorOf(record)).toEqual(TIMED_OUT);
    expect(outcome.port.timers).toEqual([{ createdAt: START, fireAt: START + 10_000, state: 'fired' }]);
    expect(outcome.result.status).toBe('Failed');
  });

  it('cancels the limit timer when the activity finishes in time', () => {
    const outcome = run(
      { Call: httpAction('x', { limit: { timeout: 'PT1M' } }) },
      { activity: after(5_000) },
    );
    expect(find(outcome.actions, 'Call').status).toBe('Succeeded');
    expect(outcome.port.timers.map((t) => [t.fireAt - START, t.state])).toEqual([[MINUTE, 'cancelled']]);
    expect(outcome.port.clock - START).toBe(5_000);
  });

  it('bounds the retries too: the wait for the next attempt ends at the limit', () => {
    const retryPolicy = { type: 'fixed', count: 5, interval: 'PT20S' };
    const outcome = run(
      { Call: httpAction('x', { retryPolicy, limit: { timeout: 'PT30S' } }) },
      { activity: () => http(500) },
    );
    expect(outcome.port.calls.map((c) => c.at - START)).toEqual([0, 20_000]);
    expect(outcome.port.timers.map((t) => [t.fireAt - START, t.state])).toEqual([
      [30_000, 'fired'],
      [20_000, 'fired'],
      [40_000, 'cancelled'],
    ]);
    const record = find(outcome.actions, 'Call');
    expect([record.status, record.endTime, record.retryHistory?.length]).toEqual([
      'TimedOut',
      '2024-01-01T00:00:30.000Z',
      2,
    ]);
  });

  it('lets a handler run after TimedOut', () => {
    const outcome = run(
      {
        Call: httpAction('x', { limit: { timeout: 'PT1S' } }),
        Handle: compose('late', { Call: ['TimedOut'] }),
      },
      { activity: after(MINUTE) },
    );
    expect(statusesOf(outcome, ['Call', 'Handle'])).toEqual(['TimedOut', 'Succeeded']);
    expect(outcome.result.status).toBe('Succeeded');
  });

  it('evaluates a limit.timeout written as an expression', () => {
    const outcome = runWorkflow(
      inputOf(
        { Call: httpAction('x', { limit: { timeout: "@parameters('callTimeout')" } }) },
        {},
        { parameters: { callTimeout: 'PT15S' } },
      ),
      { activity: after(MINUTE) },
    );
    expect(find(outcome.actions, 'Call')).toMatchObject({
      status: 'TimedOut',
      endTime: '2024-01-01T00:00:15.000Z',
    });
  });

  it('fails an action whose limit.timeout is not a duration', () => {
    const record = find(
      run({ Call: httpAction('x', { limit: { timeout: 'ten minutes' } }) }).actions,
      'Call',
    );
    expect(errorOf(record)).toEqual({
      code: 'InvalidDuration',
      message: "'ten minutes' is not an ISO 8601 duration; write it like PT20S, PT5M, PT1H or P1D.",
    });
  });
});

describe('Wait', () => {
  const wait = (inputs: JsonObject, more: JsonObject = {}): JsonObject => ({
    Pause: { type: 'Wait', inputs, ...more },
    Then: compose('@utcNow()', { Pause: ['Succeeded', 'TimedOut'] }),
  });

  it.for([
    [5, 'Second', 5_000],
    [2, 'minute', 2 * MINUTE],
    [1, 'Hour', 60 * MINUTE],
    [1, 'Day', 86_400_000],
    [1, 'Week', 7 * 86_400_000],
    [1, 'Month', 30 * 86_400_000],
    [1.5, 'Minute', 90_000],
  ] as const)('waits %s %s as a timer %i ms ahead', ([count, unit, ms]) => {
    const outcome = run(wait({ interval: { count, unit } }));
    expect(outcome.port.timers).toEqual([{ createdAt: START, fireAt: START + ms, state: 'fired' }]);
    expect(find(outcome.actions, 'Then').outputs).toBe(
      new Date(START + ms).toISOString().replace('Z', '0000Z'),
    );
  });

  it.for([
    ['a count of 0', { interval: { count: 0, unit: 'Minute' } }],
    ['a timestamp in the past', { until: { timestamp: '2023-12-31T23:00:00Z' } }],
    ['the current time', { until: { timestamp: '2024-01-01T00:00:00Z' } }],
  ] as const)('finishes at once without a timer for %s', ([_label, inputs]) => {
    const outcome = run(wait(inputs));
    expect([find(outcome.actions, 'Pause').status, outcome.port.timers]).toEqual(['Succeeded', []]);
  });

  it('waits until a timestamp in the future', () => {
    const outcome = run(wait({ until: { timestamp: "@addHours('2024-01-01T00:00:00Z', 3)" } }));
    expect(outcome.port.timers.map((t) => t.fireAt - START)).toEqual([3 * 60 * MINUTE]);
    expect(find(outcome.actions, 'Then').outputs).toBe('2024-01-01T03:00:00.0000000Z');
  });

  it('times out at its limit.timeout when the wait is longer', () => {
    const outcome = run(wait({ interval: { count: 1, unit: 'Hour' } }, { limit: { timeout: 'PT10M' } }));
    expect(errorOf(find(outcome.actions, 'Pause'))).toEqual(TIMED_OUT);
    expect(outcome.port.timers.map((t) => [t.fireAt - START, t.state])).toEqual([
      [60 * MINUTE, 'cancelled'],
      [10 * MINUTE, 'fired'],
    ]);
    expect(find(outcome.actions, 'Then').outputs).toBe('2024-01-01T00:10:00.0000000Z');
  });

  it.for([
    [{ interval: { count: 1, unit: 'Fortnight' } }, 'The wait interval must have a non-negative count'],
    [{ interval: { count: -1, unit: 'Second' } }, 'The wait interval must have a non-negative count'],
    [{ until: { timestamp: 'tomorrow' } }, "The wait 'until.timestamp' must be an ISO 8601 date-time"],
    [{}, 'A Wait action needs inputs.interval {count, unit} or inputs.until {timestamp}.'],
  ] as const)('fails with InvalidTemplate for the inputs %j', ([inputs, message]) => {
    const outcome = run(wait(inputs));
    const record = find(outcome.actions, 'Pause');
    expect(errorOf(record).code).toBe('InvalidTemplate');
    expect(errorOf(record).message).toContain(message);
    expect(outcome.port.timers).toEqual([]);
  });
});
