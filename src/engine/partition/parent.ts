/**
 * The parent's side of a partitioned Foreach. The items are cut into contiguous slices of the
 * partition size; each slice runs in a child run with the loop's own concurrency. Partitions run one
 * at a time, in item order: the loop's concurrency limit then holds across partitions, and variables
 * carry over exactly (a partition starts from the values the previous one left and returns what it
 * changed). The cost is the tail of each partition, when fewer than `concurrency` iterations are
 * left: with 500 items at 20 at a time that is about one wave in 25.
 *
 * The parent keeps a compact record per iteration action (status, times, errors; inputs and outputs
 * only when `result('<loop>')` is read somewhere). The full records stay in the partitions'
 * histories, where the run view finds them through `record.partitions`.
 */
import { readResponse } from '../run-result';
import { text } from '../text';
import type { ActionRecord, RunError, RunStatus } from '../run-types';
import type { Proc } from '../scheduler';
import { type ActionEnv, failed, fromGraph, type Outcome } from '../actions/env';
import { partitionRunId } from './ids';
import { partitionInput } from './input';
import { mergedValue, readPartitionResult } from './result';
import type { JsonValue } from '../../expressions/values';
import type { PartitionRef } from './types';

export function* runPartitioned(
  env: ActionEnv,
  items: readonly JsonValue[],
  concurrency: number,
  size: number,
): Proc<Outcome> {
  const { state, record } = env;
  const { port } = state;
  const refs: PartitionRef[] = [];
  const iterations: ActionRecord[][] = [];
  record.partitions = refs;
  record.iterations = iterations;
  const fullRecords = readsResult(state.input.definition, record.name);
  let failedAny = false;
  for (let index = 0, first = 0; first < items.length; index++, first += size) {
    const slice = items.slice(first, first + size);
    const runId = partitionRunId(port.runId, env.frame.path(), record.name, index);
    refs.push({ runId, first, count: slice.length });
    const input = partitionInput(env, { items: slice, first, concurrency, fullRecords });
    const task = port.callSubWorkflow(input as unknown as JsonValue, runId);
    yield { kind: 'tasks', tasks: [task] };
    const outcome = port.outcome(task);
    const result = outcome.state === 'completed' ? readPartitionResult(outcome.value) : undefined;
    if (result === undefined) {
      const why = outcome.state === 'failed' ? outcome.message : 'it returned no partition result';
      return failed('PartitionFailed', `The partition '${runId}' of this loop failed: ${why}.`, {
        inputs: [...items],
      });
    }
    iterations.push(...result.iterations.map((list) => list.map((r) => ({ ...r }))));
    for (const changed of result.variables) {
      const variable = state.variables.get(changed.name.toLowerCase());
      const sent = input.partition?.variables.find((v) => v.name === changed.name);
      if (variable === undefined || sent === undefined) continue;
      variable.value = mergedValue(variable.value, sent.value, changed);
      if (changed.assigned) state.assigned.add(changed.name.toLowerCase());
    }
    if (result.failed) failedAny = true;
    if (result.response !== undefined && state.response === undefined) {
      state.response = readResponse(result.response);
      port.setStatus({ response: { ...state.response, headers: { ...state.response.headers } } });
    }
    if (result.terminated !== undefined) {
      // A Terminate inside the body ends the whole run, as it does when the loop runs inline.
      state.terminated = terminatedOf(result.terminated);
      state.scheduler.stop();
      return { status: 'Cancelled', inputs: [...items] };
    }
  }
  return fromGraph({ status: failedAny ? 'Failed' : 'Succeeded', records: [] }, { inputs: [...items] });
}

/** True when the definition reads `result('<loop>')` (then the parent needs the outputs). */
function readsResult(definition: unknown, loop: string): boolean {
  const text = JSON.stringify(definition).toLowerCase();
  return text.includes(`result('${loop.toLowerCase()}')`);
}

function terminatedOf(value: { readonly [key: string]: JsonValue }): {
  readonly status: RunStatus;
  readonly error?: RunError;
} {
  const status = (['Failed', 'Cancelled', 'Succeeded'] as const).find((s) => s === value.status) ?? 'Failed';
  const error = value.error;
  if (typeof error !== 'object' || error === null || Array.isArray(error)) return { status };
  return {
    status,
    error: { code: text(error.code ?? 'Terminated'), message: text(error.message ?? '') },
  };
}
