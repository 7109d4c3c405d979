/** Foreach concurrency and Until limits, measured on the memory port's virtual clock. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/expressions/values';
import { compose, errorOf, find, http, httpAction, run, uriOf } from './helpers';
import { type ActivityHandler, START } from './memory-port';

/** Every call takes one virtual second; `item-3` fails with 400. */
const handler: ActivityHandler = (input) =>
  uriOf(input) === 'item-3' ? http(400) : http(200, { afterMs: 1000 });

const foreach = (count: number, more: JsonObject = {}): JsonObject => ({
  Loop: {
    type: 'Foreach',
    foreach: `@range(0, ${count})`,
    actions: { Call: httpAction('item-@{item()}') },
    ...more,
  },
});

describe('Foreach', () => {
  const repetitions = (n: number): JsonObject => ({
    runtimeConfiguration: { concurrency: { repetitions: n } },
  });
  it.for<[string, number, number, JsonObject]>([
    ['no setting', 30, 20, {}],
    ['repetitions 5', 12, 5, repetitions(5)],
    ['repetitions 1', 4, 1, repetitions(1)],
    ['repetitions 80 (capped at 50)', 60, 50, repetitions(80)],
    ['repetitions 0 (ignored)', 25, 20, repetitions(0)],
    ['operationOptions Sequential', 5, 1, { operationOptions: 'Sequential' }],
    ['Sequential and repetitions 10', 5, 1, { operationOptions: 'sequential', ...repetitions(10) }],
  ])('with %s over %i items keeps at most %i calls in flight', ([_label, count, limit, more]) => {
    const ok: ActivityHandler = () => http(200, { afterMs: 1000 });
    const outcome = run(foreach(count, more), { activity: ok });
    expect(outcome.port.maxInFlight).toBe(limit);
    expect(outcome.port.calls).toHaveLength(count);
    // Calls run in waves of `limit`, each a virtual second long.
    expect(outcome.port.clock - START).toBe(Math.ceil(count / limit) * 1000);
    expect(find(outcome.actions, 'Loop').iterations).toHaveLength(count);
  });

  it('starts iterations in item order, one after another when sequential', () => {
    const ok: ActivityHandler = () => http(200, { afterMs: 1000 });
    const outcome = run(foreach(4, { operationOptions: 'Sequential' }), { activity: ok });
    expect(outcome.port.calls.map((c) => [uriOf(c.input), c.at - START])).toEqual([
      ['item-0', 0],
      ['item-1', 1000],
      ['item-2', 2000],
      ['item-3', 3000],
    ]);
  });

  it('gives each iteration its own item and its own action records', () => {
    const outcome = run({
      Loop: {
        type: 'Foreach',
        foreach: "@createArray('a', 'b')",
        actions: { Up: compose('@toUpper(item())') },
      },
    });
    const iterations = find(outcome.actions, 'Loop').iterations ?? [];
    expect(iterations.map((records) => records.map((r) => r.outputs))).toEqual([['A'], ['B']]);
  });

  it('fails after every iteration ran when one iteration fails', () => {
    const outcome = run(foreach(6), { activity: handler });
    const loop = find(outcome.actions, 'Loop');
    expect([loop.status, errorOf(loop).code]).toEqual(['Failed', 'ActionFailed']);
    expect(outcome.port.calls).toHaveLength(6);
    expect(loop.iterations?.map((records) => records[0]?.status)).toEqual([
      'Succeeded',
      'Succeeded',
      'Succeeded',
      'Failed',
      'Succeeded',
      'Succeeded',
    ]);
  });

  it('fails with InvalidTemplate when the foreach value is not an array', () => {
    const loop = find(
      run({ Loop: { type: 'Foreach', foreach: '@json(\'{"a":1}\')', actions: {} } }).actions,
      'Loop',
    );
    expect(errorOf(loop)).toEqual({
      code: 'InvalidTemplate',
      message:
        "The 'foreach' expression of action 'Loop' must evaluate to an array, but it evaluated to type 'Object'.",
    });
  });
});

describe('Until', () => {
  const counter = {
    type: 'InitializeVariable',
    inputs: { variables: [{ name: 'n', type: 'Integer', value: 0 }] },
  };
  const until = (expression: string, limit: JsonObject | undefined, actions: JsonObject): JsonObject => ({
    Init: counter,
    Loop: { type: 'Until', expression, ...(limit ? { limit } : {}), actions, runAfter: { Init: [] } },
  });
  const increment = { Inc: { type: 'IncrementVariable', inputs: { name: 'n', value: 1 } } };
  const tenMinutes = { Pause: { type: 'Wait', inputs: { interval: { count: 10, unit: 'Minute' } } } };

  it.for([
    ['the condition holds', "@equals(variables('n'), 2)", { count: 5 }, 2, 'condition'],
    ['the condition holds at once (do-while)', '@true', { count: 5 }, 1, 'condition'],
    ['the count limit is reached', '@false', { count: 3 }, 3, 'count'],
    ['the default count of 60 is reached', '@false', undefined, 60, 'count'],
  ] as const)('stops when %s', ([_label, expression, limit, iterations, stoppedBy]) => {
    const outcome = run(until(expression, limit, increment));
    const loop = find(outcome.actions, 'Loop');
    expect([loop.status, loop.outputs]).toEqual(['Succeeded', { iterations, stoppedBy }]);
    expect(loop.iterations).toHaveLength(iterations);
    expect(outcome.state.variables.get('n')?.value).toBe(iterations);
  });

  it('stops after the iteration in which limit.timeout passed, and ends Succeeded', () => {
    const outcome = run(until('@false', { count: 100, timeout: 'PT25M' }, tenMinutes));
    expect(find(outcome.actions, 'Loop').outputs).toEqual({ iterations: 3, stoppedBy: 'timeout' });
    expect(outcome.port.timers.map((t) => (t.fireAt - START) / 60_000)).toEqual([10, 20, 30]);
  });

  it('uses the default PT1H timeout when none is given', () => {
    const outcome = run(until('@false', { count: 100 }, tenMinutes));
    expect(find(outcome.actions, 'Loop').outputs).toEqual({ iterations: 6, stoppedBy: 'timeout' });
    expect(outcome.port.clock - START).toBe(3_600_000);
  });

  it('fails at the first iteration with an unhandled failure', () => {
    const outcome = run(
      until('@false', { count: 5 }, { ...increment, Call: httpAction('item-3', { runAfter: { Inc: [] } }) }),
      {
        activity: handler,
      },
    );
    const loop = find(outcome.actions, 'Loop');
    expect([loop.status, loop.iterations?.length, outcome.port.calls.length]).toEqual(['Failed', 1, 1]);
  });

  it('evaluates a limit.timeout given as an expression', () => {
    const outcome = run(until('@false', { count: 100, timeout: "@concat('PT', '25M')" }, tenMinutes));
    expect(find(outcome.actions, 'Loop').outputs).toEqual({ iterations: 3, stoppedBy: 'timeout' });
  });

  it('fails the loop, not the run, when limit.timeout evaluates to a non-string', () => {
    const outcome = run(until('@true', { timeout: '@add(1, 2)' }, increment));
    expect(errorOf(find(outcome.actions, 'Loop'))).toEqual({
      code: 'InvalidDuration',
      message: "'3' is not an ISO 8601 duration; write it like PT20S, PT5M, PT1H or P1D.",
    });
    expect(outcome.result.status).toBe('Failed');
  });

  it('fails with InvalidTemplate when limit.count is not a positive integer', () => {
    const loop = find(run(until('@false', { count: 0 }, increment)).actions, 'Loop');
    expect(errorOf(loop)).toEqual({
      code: 'InvalidTemplate',
      message: "The 'limit.count' of the until action must be a positive integer; got 0.",
    });
  });
});
