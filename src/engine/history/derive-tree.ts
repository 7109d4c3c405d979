/**
 * The run view of a run whose large loops ran in partitions (child runs, see engine/partition/):
 * the parent's history holds compact records of those iterations, the partitions' histories hold
 * the full ones. This derives the parent, then each partition it started (by the id on the loop's
 * record), and puts the partitions' iterations in the loop's place, so the tree shows every
 * iteration, also while a partition is still running. Loading is the caller's (the run API reads
 * the Durable status API); a partition that cannot be loaded keeps its compact records.
 */
import type { PartitionRef } from '../partition/types';
import type { ActionRecord, RunInput } from '../run-types';
import { type DerivedRun, deriveRun } from './derive';
import type { HistoryEventView } from './replay-port';

export interface RunSource {
  readonly input: RunInput;
  readonly history: readonly HistoryEventView[];
}

export type LoadRun = (runId: string) => Promise<RunSource | undefined>;

export async function deriveRunTree(
  runId: string,
  input: RunInput,
  history: readonly HistoryEventView[],
  load: LoadRun,
  appSetting?: (name: string) => string | undefined,
): Promise<DerivedRun> {
  const derived = deriveRun(runId, input, history, appSetting);
  const jobs = partitionedLoops(derived.actions).map(async ({ record, ref }) => {
    const source = await load(ref.runId);
    if (source === undefined) return;
    const child = await deriveRunTree(ref.runId, source.input, source.history, load, appSetting);
    const loop = child.actions[0];
    if (loop !== undefined) spliceIterations(record, ref, loop);
  });
  await Promise.all(jobs);
  return derived;
}

/** Puts the iterations of a partition's loop record at their place in the parent's loop record. */
export function spliceIterations(record: ActionRecord, ref: PartitionRef, partitionLoop: ActionRecord): void {
  const iterations = (record.iterations ??= []);
  (partitionLoop.iterations ?? []).forEach((list, i) => (iterations[ref.first + i] = list));
  for (let i = 0; i < iterations.length; i++) iterations[i] ??= [];
}

/** Every loop record that ran partitions, with each partition it started, anywhere in the tree. */
export function partitionedLoops(
  records: readonly ActionRecord[],
): { readonly record: ActionRecord; readonly ref: PartitionRef }[] {
  const out: { record: ActionRecord; ref: PartitionRef }[] = [];
  const visit = (list: readonly ActionRecord[]): void => {
    for (const record of list) {
      for (const ref of record.partitions ?? []) out.push({ record, ref });
      visit(record.children ?? []);
      for (const iteration of record.iterations ?? []) visit(iteration);
    }
  };
  visit(records);
  return out;
}
