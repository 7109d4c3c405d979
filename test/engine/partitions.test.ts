/**
 * Large Foreach loops run in partitions (child runs of `partition size` items each): the run must
 * come out the same as when the loop runs inline — outputs, statuses, variables, times — while no
 * single history holds more than one partition's iterations.
 */
import { describe, expect, it } from 'vitest';
import { partitionRunId } from '../../src/engine/partition/ids';
import type { ActionRecord } from '../../src/engine/run-types';
import type { JsonObject } from '../../src/expressions/values';
import { compose, find, http, httpAction, inputOf, uriOf } from './helpers';
import { type ActivityHandler, type RunOutcome, runWorkflow } from './memory-port';

/** Every call takes one virtual second; every 97th item fails with 400; bodies echo the item. */
const handler: ActivityHandler = (input) => {
  const item = Number(uriOf(input).replace('item-', ''));
  return item % 97 === 0 ? http(400, { afterMs: 1000 }) : http(200, { afterMs: 1000, body: { item } });
};

function loopWorkflow(count: number, loop: JsonObject): JsonObject {
  return {
    Init: {
      type: 'InitializeVariable',
      inputs: {
        variables: [
          { name: 'count', type: 'Integer', value: 0 },
          { name: 'seen', type: 'Array', value: [] },
          { name: 'last', type: 'String', value: '' },
        ],
      },
    },
    Loop: {
      type: 'Foreach',
      foreach: `@range(0, ${count})`,
      runAfter: { Init: [] },
      actions: {
        Call: httpAction('item-@{item()}'),
        Double: compose('@mul(item(), 2)', { Call: ['Succeeded'] }),
        Count: {
          type: 'IncrementVariable',
          inputs: { name: 'count' },
          runAfter: { Call: ['Succeeded', 'Failed'] },
        },
        Remember: {
          type: 'AppendToArrayVariable',
          inputs: { name: 'seen', value: "@body('Call')?['item']" },
          runAfter: { Double: [] },
        },
        Last: {
          type: 'SetVariable',
          inputs: { name: 'last', value: '@string(item())' },
          runAfter: { Count: [] },
        },
      },
      ...loop,
    },
    After: compose("@length(result('Loop'))", { Loop: ['Succeeded', 'Failed'] }),
  };
}

const outputs = {
  outputs: {
    count: { type: 'Int', value: "@variables('count')" },
    seen: { type: 'Int', value: "@length(variables('seen'))" },
    firstSeen: { type: 'Array', value: "@take(variables('seen'), 5)" },
    last: { type: 'String', value: "@variables('last')" },
    results: { type: 'Int', value: "@outputs('After')" },
  },
};

const runWith = (count: number, loop: JsonObject, partition: number): RunOutcome =>
  runWorkflow(inputOf(loopWorkflow(count, loop), outputs), {
    activity: handler,
    appSettings: { FLOWLINE_FOREACH_PARTITION: String(partition) },
  });

/** What a run did, action by action, iteration by iteration. */
const iterationsOf = (run: RunOutcome): unknown[] =>
  (find(run.actions, 'Loop').iterations ?? []).map((list: readonly ActionRecord[]) =>
    list.map((r) => [r.name, r.status, r.outputs, r.code, r.startTime, r.endTime]),
  );

describe('a partitioned Foreach', () => {
  const repetitions = (n: number): JsonObject => ({
    runtimeConfiguration: { concurrency: { repetitions: n } },
  });
  it.for<[string, number, number, JsonObject]>([
    ['parallel, 20 at a time', 2000, 500, {}],
    ['parallel, 50 at a time', 2000, 500, repetitions(50)],
    ['sequential', 600, 150, { operationOptions: 'Sequential' }],
  ])(
    'gives the same outputs, statuses, times and variables as inline (%s, %i items, partitions of %i)',
    ([_label, count, size, loop]) => {
      const inline = runWith(count, loop, 100_000);
      const parted = runWith(count, loop, size);
      expect(find(inline.actions, 'Loop').partitions).toBeUndefined();
      expect(find(parted.actions, 'Loop').partitions).toHaveLength(4);
      expect(parted.result).toEqual(inline.result);
      expect(parted.result.outputs?.['count']).toBe(count);
      expect(Object.fromEntries(parted.state.variables)).toEqual(Object.fromEntries(inline.state.variables));
      expect(iterationsOf(parted)).toEqual(iterationsOf(inline));
      expect(find(parted.actions, 'Loop').status).toBe('Failed');
      expect(parted.port.clock).toBe(inline.port.clock);
      // Every item called once, none by the parent; no history holds more than one partition.
      const calls = parted.port.children.flatMap((c) => c.port.calls.map((call) => uriOf(call.input)));
      expect(new Set(calls).size).toBe(count);
      expect(calls).toHaveLength(count);
      expect(parted.port.calls).toHaveLength(0);
      expect(parted.port.history.length).toBeLessThan(10);
      expect(Math.max(...parted.port.children.map((c) => c.port.history.length))).toBeLessThanOrEqual(
        size + 5,
      );
    },
  );

  it('runs partitions one after another, each starting from the variables the previous one left', () => {
    const parted = runWith(2000, {}, 500);
    const sent = parted.port.children.map((c) =>
      c.state.input.partition?.variables.find((v) => v.name === 'count'),
    );
    expect(sent.map((v) => v?.value)).toEqual([0, 500, 1000, 1500]);
    const spans = parted.port.children.map((c) => [
      Date.parse(c.port.history[0]?.Timestamp ?? ''),
      c.port.clock,
    ]);
    expect(parted.port.children.map((c) => c.state.input.partition?.first)).toEqual([0, 500, 1000, 1500]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
  });

  it('stays inline up to the partition size and partitions from one item more', () => {
    expect(find(runWith(500, {}, 500).actions, 'Loop').partitions).toBeUndefined();
    expect(find(runWith(501, {}, 500).actions, 'Loop').partitions?.map((p) => [p.first, p.count])).toEqual([
      [0, 500],
      [500, 1],
    ]);
  });
});

describe('partition ids', () => {
  it.for([
    ['run-1', '', 'Loop', 0],
    ['run-1', 'Outer[3]/Inner[0]', 'For each item', 12],
    ['0f6a', '', 'Ünïcode/with?odd#chars', 1],
  ] as const)(
    'are derived from run %s, path %s, loop %s and index %i without / \\ # ?',
    ([run, path, loop, index]) => {
      const id = partitionRunId(run, path, loop, index);
      expect(id).toBe(partitionRunId(run, path, loop, index));
      expect(id.startsWith(`${run}~`)).toBe(true);
      expect(id.endsWith(`~p${index}`)).toBe(true);
      expect(id).not.toMatch(/[/\\#?\s]/);
    },
  );

  it('differ between loops of the same name at different places', () => {
    expect(partitionRunId('r', 'Outer[0]', 'Loop', 0)).not.toBe(partitionRunId('r', 'Outer[1]', 'Loop', 0));
  });
});
