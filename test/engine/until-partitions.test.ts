/**
 * A long Until goes on in partitions once it passed its partition size (FLOWLINE_UNTIL_PARTITION):
 * it stops at the same iteration, for the same reason, with the same variables and records as inline,
 * and no history holds more than one partition's iterations.
 */
import { describe, expect, it } from 'vitest';
import { deriveRun } from '../../src/engine/history/derive';
import { deriveRunTree } from '../../src/engine/history/derive-tree';
import type { ActionRecord } from '../../src/engine/run-types';
import type { JsonObject } from '../../src/expressions/values';
import { compose, find, http, httpAction, inputOf, uriOf } from './helpers';
import { type ActivityHandler, type RunOutcome, runWorkflow } from './memory-port';

/** Calls take a virtual second; `n-150` fails when the test asks for a failure. */
const handler: ActivityHandler = (input) =>
  uriOf(input) === 'fail-150' ? http(500) : http(200, { afterMs: 1000, body: { at: uriOf(input) } });

const untilWorkflow = (expression: string, limit: JsonObject, call = "n-@{variables('n')}"): JsonObject => ({
  Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'n', type: 'Integer', value: 0 }] } },
  Before: compose({ stopAt: 230 }, { Init: [] }),
  Loop: {
    type: 'Until',
    expression,
    limit,
    runAfter: { Before: [] },
    actions: {
      Inc: { type: 'IncrementVariable', inputs: { name: 'n', value: 1 } },
      Call: httpAction(call, { runAfter: { Inc: [] }, retryPolicy: { type: 'none' } }),
      Note: compose("@body('Call')", { Call: [] }),
    },
  },
});

const run = (actions: JsonObject, size: number): RunOutcome =>
  runWorkflow(inputOf(actions, { outputs: { n: { type: 'Int', value: "@variables('n')" } } }), {
    activity: handler,
    appSettings: { FLOWLINE_UNTIL_PARTITION: String(size) },
  });

const records = (outcome: RunOutcome): unknown[] =>
  (find(outcome.actions, 'Loop').iterations ?? []).map((list: readonly ActionRecord[]) =>
    list.map((r) => [r.name, r.status, r.startTime, r.endTime]),
  );

describe('a partitioned Until', () => {
  it.for<[string, string, JsonObject, string | undefined, number, string]>([
    [
      'its condition holds',
      "@equals(variables('n'), outputs('Before')?['stopAt'])",
      { count: 1000 },
      undefined,
      230,
      'condition',
    ],
    [
      'the condition reads the last iteration',
      "@equals(outputs('Note')?['at'], 'n-230')",
      { count: 1000 },
      undefined,
      230,
      'condition',
    ],
    ['it reaches limit.count', '@false', { count: 250 }, undefined, 250, 'count'],
    ['limit.timeout passes', '@false', { count: 1000, timeout: 'PT250S' }, undefined, 250, 'timeout'],
    [
      'an iteration fails',
      '@false',
      { count: 1000 },
      "@{if(equals(variables('n'), 150), 'fail-150', 'ok')}",
      150,
      'failed',
    ],
  ])('stops where it stops inline when %s', ([_label, expression, limit, call, iterations, stoppedBy]) => {
    const actions = untilWorkflow(expression, limit, call);
    const inline = run(actions, 100_000);
    const parted = run(actions, 100);
    const loop = find(parted.actions, 'Loop');
    expect([loop.status, loop.outputs, loop.code]).toEqual([
      find(inline.actions, 'Loop').status,
      find(inline.actions, 'Loop').outputs,
      find(inline.actions, 'Loop').code,
    ]);
    if (stoppedBy !== 'failed') expect(loop.outputs).toEqual({ iterations, stoppedBy });
    else expect(loop.status).toBe('Failed');
    expect(parted.result).toEqual(inline.result);
    expect(parted.state.variables.get('n')?.value).toBe(iterations);
    expect(records(parted)).toEqual(records(inline));
    expect(loop.partitions?.map((p) => [p.first, p.count])).toEqual(
      iterations > 200
        ? [
            [100, 100],
            [200, iterations - 200],
          ]
        : [[100, iterations - 100]],
    );
    // 100 iterations ran inline; each partition's history holds at most 100 more.
    expect(parted.port.calls).toHaveLength(100);
    for (const child of parted.port.children) expect(child.port.calls.length).toBeLessThanOrEqual(100);
  });

  it("shows all its iterations in the run view, read from the partitions' histories", async () => {
    const actions = untilWorkflow('@false', { count: 250 });
    const pinned = (size: number): RunOutcome =>
      runWorkflow({ ...inputOf(actions), untilPartition: size }, { activity: handler });
    const [inline, parted] = [pinned(100_000), pinned(100)];
    const sources = new Map(
      [parted, ...parted.port.children].map((o) => [
        o.port.runId,
        { input: o.state.input, history: o.port.history },
      ]),
    );
    const derived = await deriveRunTree('run-1', parted.state.input, parted.port.history, (id) =>
      Promise.resolve(sources.get(id)),
    );
    const expected = deriveRun('run-1', inline.state.input, inline.port.history);
    const view = (list: readonly ActionRecord[]): unknown =>
      (find(list, 'Loop').iterations ?? []).map((records) =>
        records.map((r) => [r.name, r.status, r.outputs]),
      );
    expect(find(derived.actions, 'Loop').iterations).toHaveLength(250);
    expect(view(derived.actions)).toEqual(view(expected.actions));
  });

  it('stays inline when it stops within its partition size', () => {
    const outcome = run(untilWorkflow('@false', { count: 100 }), 100);
    expect(find(outcome.actions, 'Loop').partitions).toBeUndefined();
    expect(find(outcome.actions, 'Loop').outputs).toEqual({ iterations: 100, stoppedBy: 'count' });
  });
});
