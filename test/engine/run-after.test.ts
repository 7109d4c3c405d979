/** runAfter conditions, skip propagation, the run status rule and parallel branches (src/engine/graph.ts). */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/expressions/values';
import { compose, errorOf, find, http, httpAction, run, statusesOf, uriOf } from './helpers';
import type { ActivityHandler } from './memory-port';
import { START } from './memory-port';

/** Http calls to `fail` answer 400 (not retryable), to `slow` 200 after 5 s, the rest 200 at once. */
const handler: ActivityHandler = (input) => {
  const uri = uriOf(input);
  return uri === 'fail' ? http(400) : http(200, { afterMs: uri === 'slow' ? 5000 : 0 });
};
const go = (actions: JsonObject) => run(actions, { activity: handler });
const longWait = { type: 'Wait', inputs: { interval: { count: 1, unit: 'Hour' } } };

/** Top-level actions that leave action P with the given status. */
const predecessor: Record<string, JsonObject> = {
  Succeeded: { P: compose('ok') },
  Failed: { P: httpAction('fail') },
  Skipped: { F: httpAction('fail'), P: compose('never', { F: ['Succeeded'] }) },
  TimedOut: { P: { ...longWait, limit: { timeout: 'PT1M' } } },
};

describe('runAfter', () => {
  it.for([
    ['Succeeded', '', 'Succeeded'],
    ['Succeeded', 'Succeeded', 'Succeeded'],
    ['Succeeded', 'Failed', 'Skipped'],
    ['Succeeded', 'Failed, Skipped, TimedOut', 'Skipped'],
    ['Failed', 'Failed', 'Succeeded'],
    ['Failed', 'Succeeded', 'Skipped'],
    ['Failed', 'Succeeded, Failed', 'Succeeded'],
    ['Failed', 'failed', 'Succeeded'],
    ['Failed', 'TimedOut', 'Skipped'],
    ['Skipped', 'Skipped', 'Succeeded'],
    ['Skipped', 'Succeeded', 'Skipped'],
    ['Skipped', 'Failed', 'Skipped'],
    ['TimedOut', 'TimedOut', 'Succeeded'],
    ['TimedOut', 'Failed', 'Skipped'],
    ['TimedOut', 'Succeeded, Failed, Skipped, TimedOut', 'Succeeded'],
  ] as const)('after a %s predecessor, an action with runAfter [%s] ends %s', ([status, after, expected]) => {
    const accepts = after === '' ? [] : after.split(', ');
    const outcome = go({ ...predecessor[status], T: compose('ran', { P: accepts }) });
    expect(statusesOf(outcome, ['P', 'T'])).toEqual([status, expected]);
    expect(find(outcome.actions, 'T').outputs).toEqual(expected === 'Skipped' ? undefined : 'ran');
  });

  it('records why an action was skipped, with the expected and actual statuses', () => {
    const outcome = go({ P: httpAction('fail'), T: compose('x', { P: ['Succeeded', 'TimedOut'] }) });
    const skipped = find(outcome.actions, 'T');
    expect(skipped.code).toBe('ActionSkipped');
    expect(errorOf(skipped)).toEqual({
      code: 'ActionSkipped',
      message:
        "The execution of template action 'T' is skipped: the 'runAfter' condition for action 'P' is not " +
        "satisfied. Expected status values 'Succeeded', 'TimedOut' and actual value 'Failed'.",
    });
  });

  it('propagates a skip down a chain until an action accepts Skipped', () => {
    const outcome = go({
      F: httpAction('fail'),
      A: compose('a', { F: ['Succeeded'] }),
      B: compose('b', { A: ['Succeeded'] }),
      C: compose('c', { B: ['Succeeded', 'Failed'] }),
      D: compose('d', { C: ['Skipped'] }),
      E: compose('e', { D: [] }),
    });
    expect(statusesOf(outcome, ['F', 'A', 'B', 'C', 'D', 'E'])).toEqual([
      'Failed',
      'Skipped',
      'Skipped',
      'Skipped',
      'Succeeded',
      'Succeeded',
    ]);
    expect(errorOf(find(outcome.actions, 'C')).message).toContain("for action 'B' is not satisfied");
  });

  it.for([
    ['Succeeded', 'Failed', 'Succeeded'],
    ['Succeeded', 'Succeeded', 'Skipped'],
    ['Failed', 'Failed', 'Skipped'],
    ['Skipped', 'Failed', 'Skipped'],
  ] as const)(
    'with runAfter {X: [Succeeded], Y: [Failed]}, X %s and Y %s make the action %s',
    ([x, y, expected]) => {
      const sources: Record<string, JsonObject> = {
        Succeeded: httpAction('ok'),
        Failed: httpAction('fail'),
        Skipped: compose('never', { Z: ['Failed'] }),
      };
      const outcome = go({
        Z: compose('z'),
        X: sources[x] ?? {},
        Y: sources[y] ?? {},
        T: compose('t', { X: ['Succeeded'], Y: ['Failed'] }),
      });
      expect(statusesOf(outcome, ['X', 'Y', 'T'])).toEqual([x, y, expected]);
    },
  );

  it('starts an action with several predecessors only when the slowest has finished', () => {
    const outcome = go({
      X: httpAction('slow'),
      Y: httpAction('fast'),
      T: compose('@utcNow()', { X: [], Y: [] }),
    });
    expect(find(outcome.actions, 'Y').endTime).toBe('2024-01-01T00:00:00.000Z');
    expect(find(outcome.actions, 'T').startTime).toBe('2024-01-01T00:00:05.000Z');
    expect(find(outcome.actions, 'T').outputs).toBe('2024-01-01T00:00:05.0000000Z');
  });
});

// Logic Apps' per-branch rule, which graph.ts follows: "if a branch ends with a Skipped action, that
// branch's completion status is based on that skipped action's predecessor status. [...] if any
// branch ends in failure, the entire logic app run is marked Failed." The last two rows are where a
// simpler "is every failure handled?" rule would disagree.
describe('run status', () => {
  const fail = httpAction('fail');
  it.for<[string, 'Succeeded' | 'Failed', JsonObject]>([
    ['a failed action and no handler', 'Failed', { F: fail }],
    ['a handled failure', 'Succeeded', { F: fail, H: compose('h', { F: ['Failed'] }) }],
    [
      'a handler that fails itself',
      'Failed',
      { F: fail, H: httpAction('fail', { runAfter: { F: ['Failed'] } }) },
    ],
    ['a successor that only runs on success', 'Failed', { F: fail, S: compose('s', { F: ['Succeeded'] }) }],
    [
      'a timeout handled only as Failed',
      'Failed',
      { ...predecessor.TimedOut, H: compose('h', { P: ['Failed'] }) },
    ],
    [
      'a timeout handled as TimedOut',
      'Succeeded',
      { ...predecessor.TimedOut, H: compose('h', { P: ['TimedOut'] }) },
    ],
    [
      'a failure whose handler was skipped',
      'Failed',
      { F: fail, H: compose('h', { F: ['Failed'], Z: ['Failed'] }), Z: compose('z') },
    ],
    [
      'a failure caught while a sibling branch ends Skipped',
      'Failed',
      { F: fail, S: compose('s', { F: [] }), H: compose('h', { F: ['Failed'] }) },
    ],
    [
      'a failure followed by a Skipped-then-Succeeded chain',
      'Succeeded',
      { F: fail, S: compose('s', { F: [] }), R: compose('r', { S: ['Skipped'] }) },
    ],
  ])('a run with %s ends %s', ([_label, expected, actions]) => {
    const outcome = go(actions);
    expect(outcome.result.status).toBe(expected);
    if (expected === 'Failed') {
      expect(outcome.result.error).toEqual({
        code: 'ActionFailed',
        message: 'An action failed. No dependent actions succeeded.',
      });
    } else expect(outcome.result.error).toBeUndefined();
  });

  it('succeeds when a Scope catches a failure inside it', () => {
    const outcome = go({
      Try: { type: 'Scope', actions: { F: httpAction('fail'), Catch: compose('c', { F: ['Failed'] }) } },
    });
    expect(statusesOf(outcome, ['Try', 'F', 'Catch'])).toEqual(['Succeeded', 'Failed', 'Succeeded']);
    expect(outcome.result.status).toBe('Succeeded');
  });
});

describe('parallel branches', () => {
  it('calls both activities before either completes', () => {
    const outcome = go({
      A: httpAction('slow'),
      B: httpAction('slow'),
      J: compose('@utcNow()', { A: [], B: [] }),
    });
    const [a, b] = outcome.port.calls;
    expect(outcome.port.calls.map((c) => [uriOf(c.input), c.at - START, c.endAt])).toEqual([
      ['slow', 0, START + 5000],
      ['slow', 0, START + 5000],
    ]);
    expect(b?.turn).toBe(a?.turn);
    expect(outcome.port.maxInFlight).toBe(2);
    expect(find(outcome.actions, 'J').outputs).toBe('2024-01-01T00:00:05.0000000Z');
  });

  it('keeps one branch running while a sibling branch is still waiting', () => {
    const outcome = go({
      Slow: httpAction('slow'),
      A: httpAction('a'),
      B: httpAction('b', { runAfter: { A: [] } }),
    });
    expect(outcome.port.calls.map((c) => [uriOf(c.input), c.at - START])).toEqual([
      ['slow', 0],
      ['a', 0],
      ['b', 0],
    ]);
    expect(outcome.port.calls[2]?.at).toBeLessThan(outcome.port.calls[0]?.endAt ?? 0);
  });
});
