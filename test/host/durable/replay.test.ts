import { describe, expect, test } from 'vitest';
import { EventType, type HistoryEvent, historyEvent } from '../../../src/host/durable/history';
import type { Action } from '../../../src/host/durable/replay/actions';
import { shadowReplay } from '../../../src/host/durable/replay/replay';

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number): string => new Date(T0 + ms).toISOString();

function options(warnings: string[] = []) {
  return {
    instanceId: 'i',
    executionId: 'e',
    schemaV3: true,
    longTimerIntervalMs: 3 * DAY,
    maxShortTimerMs: 6 * DAY,
    httpSleepMs: 30_000,
    newGuid: () => 'guid',
    warn: (m: string) => warnings.push(m),
  };
}

const started = (ms = 0): HistoryEvent[] => [
  historyEvent(EventType.OrchestratorStarted, at(ms)),
  historyEvent(EventType.ExecutionStarted, at(ms), { Name: 'O', Input: null }),
];
const os = (ms: number): HistoryEvent => historyEvent(EventType.OrchestratorStarted, at(ms));
const activity = (name: string): Action => ({ actionType: 0, functionName: name, input: '"x"' });
const timer = (ms: number, isCanceled = false): Action => ({ actionType: 5, fireAt: at(ms), isCanceled });
const summary = (events: readonly HistoryEvent[]): string[] =>
  events.map(
    (e) =>
      `${e.EventType === EventType.TimerCreated ? 'Timer' : 'Task'}(${e.EventId})${typeof e['FireAt'] === 'string' ? `@${e['FireAt']}` : ''}`,
  );

describe('shadow replay', () => {
  test('a 10-day timer on schema V3 becomes sub-timers at +3d, +6d and the final time, one id each', () => {
    const actions = [timer(10 * DAY)];
    const first = shadowReplay(started(), actions, options());
    expect(summary(first.newEvents)).toEqual([`Timer(0)@${at(3 * DAY)}`]);
    const history = [
      ...started(),
      ...first.newEvents,
      os(3 * DAY),
      historyEvent(EventType.TimerFired, at(3 * DAY), { TimerId: 0 }),
    ];
    const second = shadowReplay(history, actions, options());
    expect(summary(second.newEvents)).toEqual([`Timer(1)@${at(6 * DAY)}`]);
    const third = shadowReplay(
      [
        ...history,
        ...second.newEvents,
        os(6 * DAY),
        historyEvent(EventType.TimerFired, at(6 * DAY), { TimerId: 1 }),
      ],
      actions,
      options(),
    );
    expect(summary(third.newEvents)).toEqual([`Timer(2)@${at(10 * DAY)}`]);
    expect(third.atEnd).toBe(false);
  });

  test('after Task.any(activity, timer) won by the activity, the uncancelled timer keeps a task open', () => {
    const actions: Action[] = [{ actionType: 11, compoundActions: [activity('A'), timer(60_000)] }];
    const first = shadowReplay(started(), actions, options());
    expect(summary(first.newEvents)).toEqual(['Task(0)', `Timer(1)@${at(60_000)}`]);
    const done = shadowReplay(
      [
        ...started(),
        ...first.newEvents,
        os(10),
        historyEvent(EventType.TaskCompleted, at(10), { TaskScheduledId: 0, Result: '1' }),
      ],
      actions,
      options(),
    );
    expect(done).toMatchObject({ atEnd: true, openTasks: 1 });
    const cancelled = shadowReplay(
      [
        ...started(),
        ...first.newEvents,
        os(10),
        historyEvent(EventType.TaskCompleted, at(10), { TaskScheduledId: 0, Result: '1' }),
      ],
      [{ actionType: 11, compoundActions: [activity('A'), timer(60_000, true)] }],
      options(),
    );
    expect(cancelled).toMatchObject({ atEnd: true, openTasks: 0, cancelledTimers: [1] });
  });

  test('after a failure inside Task.all the next action waits for every sibling, as .NET WhenAll does', () => {
    const actions: Action[] = [
      { actionType: 12, compoundActions: [activity('A'), activity('B')] },
      activity('C'),
    ];
    const base = [...started(), ...shadowReplay(started(), actions, options()).newEvents];
    const failedOnly = [
      ...base,
      os(5),
      historyEvent(EventType.TaskFailed, at(5), { TaskScheduledId: 0, Reason: 'r', Details: 'd' }),
    ];
    expect(shadowReplay(failedOnly, actions, options()).newEvents).toEqual([]);
    const both = [
      ...failedOnly,
      os(9),
      historyEvent(EventType.TaskCompleted, at(9), { TaskScheduledId: 1, Result: '2' }),
    ];
    expect(summary(shadowReplay(both, actions, options()).newEvents)).toEqual(['Task(2)']);
  });

  test('re-yielding a pending task in a new Task.any schedules it again and warns naming durable-js #574', () => {
    const warnings: string[] = [];
    const a = activity('A');
    const actions: Action[] = [
      { actionType: 11, compoundActions: [a, timer(1000)] },
      { actionType: 11, compoundActions: [a, timer(2000)] },
    ];
    const first = shadowReplay(started(), actions, options());
    const history = [
      ...started(),
      ...first.newEvents,
      os(1000),
      historyEvent(EventType.TimerFired, at(1000), { TimerId: 1 }),
    ];
    const second = shadowReplay(history, actions, options(warnings));
    expect(summary(second.newEvents)).toEqual(['Task(2)', `Timer(3)@${at(2000)}`]);
    expect(warnings.join('\n')).toMatch(/durable-js #574/);
  });

  test.each([
    ['a different activity name', [activity('B')], /named 'A'.*named 'B'/],
    [
      'a timer instead of an activity',
      [timer(1000)],
      /activity task with sequence number 0.*produced a timer/,
    ],
    ['no action at all', [], /sequence ID 0 and name 'A'.*hasn't \(yet\?\) scheduled/],
  ])('history replayed against %s is nondeterministic', (_name, actions, message) => {
    const history = [
      ...started(),
      historyEvent(EventType.TaskScheduled, at(0), { Name: 'A' }, 0),
      historyEvent(EventType.OrchestratorCompleted, at(0)),
    ];
    const result = shadowReplay(history, actions, options());
    expect(result.nondeterminism).toMatch(/^Non-Deterministic workflow detected: /);
    expect(result.nondeterminism).toMatch(message);
  });

  test('an event replayed after continueAsNew was registered is carried into the next execution', () => {
    const actions: Action[] = [
      { actionType: 6, externalEventName: 'add' },
      { actionType: 4, input: 1 },
    ];
    const raised = (n: number): HistoryEvent =>
      historyEvent(EventType.EventRaised, at(5), { Name: 'add', Input: String(n) });
    const result = shadowReplay([...started(), os(5), raised(1), raised(2)], actions, options());
    expect(result.continueAsNew).toEqual({ input: 1 });
    expect(result.carriedOver.map((e) => e['Input'])).toEqual(['2']);
  });

  test('retry backoff grows by the coefficient and is capped at the maximum interval', () => {
    const actions: Action[] = [
      {
        actionType: 1,
        functionName: 'A',
        retryOptions: {
          firstRetryIntervalInMilliseconds: 1000,
          maxNumberOfAttempts: 4,
          backoffCoefficient: 3,
          maxRetryIntervalInMilliseconds: 5000,
        },
      },
    ];
    const fail = (id: number, ms: number): HistoryEvent[] => [
      os(ms),
      historyEvent(EventType.TaskFailed, at(ms), { TaskScheduledId: id, Reason: 'r', Details: 'd' }),
    ];
    const fire = (id: number, ms: number): HistoryEvent[] => [
      os(ms),
      historyEvent(EventType.TimerFired, at(ms), { TimerId: id }),
    ];
    let history = [...started(), ...shadowReplay(started(), actions, options()).newEvents];
    const step = (events: HistoryEvent[]): string[] => {
      history = [...history, ...events];
      const r = shadowReplay(history, actions, options());
      history = [...history, ...r.newEvents];
      return summary(r.newEvents);
    };
    expect(step(fail(0, 0))).toEqual([`Timer(1)@${at(1000)}`]);
    expect(step(fire(1, 1000))).toEqual(['Task(2)']);
    expect(step(fail(2, 1000))).toEqual([`Timer(3)@${at(4000)}`]);
    expect(step(fire(3, 4000))).toEqual(['Task(4)']);
    expect(step(fail(4, 4000))).toEqual([`Timer(5)@${at(9000)}`]);
    expect(step(fire(5, 9000))).toEqual(['Task(6)']);
    expect(step(fail(6, 9000))).toEqual([`Timer(7)@${at(9000)}`]);
  });
});
