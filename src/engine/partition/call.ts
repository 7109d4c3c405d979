/** Starts one partition of a loop as a child run and waits for it; shared by Foreach and Until. */
import type { JsonValue } from '../../expressions/values';
import { type ActionEnv, failed, type Outcome } from '../actions/env';
import type { Proc } from '../scheduler';
import { partitionRunId } from './ids';
import { partitionInput, type Slice } from './input';
import { readPartitionResult } from './result';
import type { PartitionRef, PartitionResult, PartitionVariable } from './types';

export type Called =
  | { readonly ok: true; readonly result: PartitionResult; readonly sent: readonly PartitionVariable[] }
  | { readonly ok: false; readonly failure: Outcome };

export function* callPartition(
  env: ActionEnv,
  refs: PartitionRef[],
  index: number,
  slice: Slice,
): Proc<Called> {
  const { port } = env.state;
  const runId = partitionRunId(port.runId, env.frame.path(), env.record.name, index);
  const input = partitionInput(env, slice);
  const count = slice.kind === 'until' ? (slice.until?.size ?? 0) : slice.items.length;
  refs.push({ runId, first: slice.first, count });
  const task = port.callSubWorkflow(input as unknown as JsonValue, runId);
  env.state.openPartitions.add(runId);
  yield { kind: 'tasks', tasks: [task] };
  env.state.openPartitions.delete(runId);
  const outcome = port.outcome(task);
  const result = outcome.state === 'completed' ? readPartitionResult(outcome.value) : undefined;
  if (result !== undefined) {
    // An Until partition may stop before its size: record how many iterations it ran.
    refs[refs.length - 1] = { runId, first: slice.first, count: result.iterations.length };
    return { ok: true, result, sent: input.partition?.variables ?? [] };
  }
  const why = outcome.state === 'failed' ? outcome.message : 'it returned no partition result';
  return {
    ok: false,
    failure: failed('PartitionFailed', `The partition '${runId}' of this loop failed: ${why}.`),
  };
}
