/**
 * The run view of a run with a partitioned loop: derived from the parent's history plus the
 * partitions' histories (history/derive-tree.ts), it shows every iteration with its full records,
 * the same tree as when the loop ran inline, also while a partition is still running.
 */
import { describe, expect, it } from 'vitest';
import { deriveRun } from '../../src/engine/history/derive';
import { deriveRunTree, type RunSource } from '../../src/engine/history/derive-tree';
import type { ActionRecord } from '../../src/engine/run-types';
import { compose, find, http, httpAction, inputOf, uriOf } from './helpers';
import { type RunOutcome, runWorkflow } from './memory-port';

const input = inputOf({
  Loop: {
    type: 'Foreach',
    foreach: '@range(0, 120)',
    runtimeConfiguration: { concurrency: { repetitions: 5 } },
    actions: {
      Call: httpAction('item-@{item()}'),
      Echo: compose("@body('Call')", { Call: [] }),
      Inner: {
        type: 'Foreach',
        foreach: '@range(0, 3)',
        runAfter: { Echo: [] },
        actions: { Deep: compose("@concat(items('Loop'), '.', item())") },
      },
    },
  },
});

// The size is pinned in the run input, as the Functions app does when a run starts, so a replay
// partitions the same way whatever the app settings say now.
const run = (size: number): RunOutcome =>
  runWorkflow(
    { ...input, foreachPartition: size },
    { activity: (value) => http(200, { afterMs: 250, body: uriOf(value) }) },
  );

/** Every run of the tree by id (partitions of partitions too), as the run API loads them. */
function sources(outcome: RunOutcome, into = new Map<string, RunSource>()): Map<string, RunSource> {
  into.set(outcome.port.runId, { input: outcome.state.input, history: outcome.port.history });
  for (const child of outcome.port.children) sources(child, into);
  return into;
}

const shape = (records: readonly ActionRecord[]): unknown[] =>
  records.map((r) => ({
    name: r.name,
    status: r.status,
    inputs: r.inputs,
    outputs: r.outputs,
    startTime: r.startTime,
    endTime: r.endTime,
    iterations: r.iterations?.map(shape),
  }));

describe('the run view of a partitioned loop', () => {
  const inline = run(100_000);
  const parted = run(50);
  const all = sources(parted);

  it('shows every iteration with full records, as the inline run does', async () => {
    const expected = deriveRun('run-1', inline.state.input, inline.port.history);
    const derived = await deriveRunTree('run-1', parted.state.input, parted.port.history, (id) =>
      Promise.resolve(all.get(id)),
    );
    expect(find(derived.actions, 'Loop').iterations).toHaveLength(120);
    expect(shape(derived.actions)).toEqual(shape(expected.actions));
    expect(derived.result).toEqual(expected.result);
    // The parent's own history kept only compact records (nothing reads result('Loop')).
    const compact = deriveRun('run-1', parted.state.input, parted.port.history);
    expect(find(compact.actions, 'Loop').iterations?.[0]?.[0]).not.toHaveProperty('outputs');
  });

  it('shows a running partition as far as its history goes, and a missing one by its compact records', async () => {
    const [first, second, third] = find(parted.actions, 'Loop').partitions ?? [];
    const cut = (source: RunSource | undefined): RunSource | undefined =>
      source && { ...source, history: source.history.slice(0, 10) };
    const running = parted.port.history.slice(0, 3);
    const derived = await deriveRunTree('run-1', parted.state.input, running, (id) =>
      Promise.resolve(
        id === second?.runId ? cut(all.get(id)) : id === third?.runId ? undefined : all.get(id),
      ),
    );
    expect(derived.result).toBeUndefined();
    const iterations = find(derived.actions, 'Loop').iterations ?? [];
    const statuses = iterations.map((list) => list[0]?.status ?? 'none');
    expect(statuses.slice(0, 50).every((s) => s === 'Succeeded')).toBe(true);
    expect(statuses.slice(50, 100)).toContain('Running');
    expect(first?.count).toBe(50);
    expect(iterations.length).toBeLessThanOrEqual(100);
  });
});
