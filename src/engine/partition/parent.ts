/**
 * The parent's side of a partitioned Foreach. The items are cut into contiguous slices of the
 * partition size; each slice runs in a child run with the loop's own concurrency. Partitions run one
 * at a time, in item order: the loop's concurrency limit then holds across partitions, and variables
 * carry over exactly (a partition starts from the values the previous one left and returns what it
 * changed). The cost is the tail of each partition, when fewer than `concurrency` iterations are
 * left: with 250 items at 20 at a time that is at most one wave in 13.
 *
 * The parent keeps a compact record per iteration action (status, times, errors; inputs and outputs
 * only when `result('<loop>')` is read somewhere). The full records stay in the partitions'
 * histories, where the run view finds them through `record.partitions`.
 */
import type { JsonValue } from '../../expressions/values';
import { type ActionEnv, fromGraph, type Outcome } from '../actions/env';
import type { ActionRecord } from '../run-types';
import type { Proc } from '../scheduler';
import { applyPartition } from './apply';
import { callPartition } from './call';
import type { PartitionRef } from './types';

export function* runPartitioned(
  env: ActionEnv,
  items: readonly JsonValue[],
  concurrency: number,
  size: number,
): Proc<Outcome> {
  const { state, record } = env;
  const refs: PartitionRef[] = [];
  const iterations: ActionRecord[][] = [];
  record.partitions = refs;
  record.iterations = iterations;
  const fullRecords = readsResult(state.input.definition, record.name);
  const inputs = [...items];
  let failedAny = false;
  for (let index = 0, first = 0; first < items.length; index++, first += size) {
    const slice = items.slice(first, first + size);
    const called = yield* callPartition(env, refs, index, {
      kind: 'foreach',
      items: slice,
      first,
      concurrency,
      fullRecords,
    });
    if (!called.ok) return { ...called.failure, inputs };
    if (applyPartition(state, called.result, called.sent, iterations)) return { status: 'Cancelled', inputs };
    if (called.result.failed) failedAny = true;
  }
  return fromGraph({ status: failedAny ? 'Failed' : 'Succeeded', records: [] }, { inputs });
}

/** True when the definition reads `result('<loop>')` (then the parent needs the outputs). */
export function readsResult(definition: unknown, loop: string): boolean {
  const text = JSON.stringify(definition).toLowerCase();
  return text.includes(`result('${loop.toLowerCase()}')`);
}
