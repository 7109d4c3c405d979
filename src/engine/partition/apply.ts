/**
 * Applies what a partition returned to the parent's run: the iterations' compact records, the
 * variables it changed, a Response it sent and a Terminate it ran. Shared by Foreach and Until.
 */
import type { JsonValue } from '../../expressions/values';
import { readResponse } from '../run-result';
import type { RunState } from '../run-state';
import type { ActionRecord, RunError, RunStatus } from '../run-types';
import { text } from '../text';
import { mergedValue } from './result';
import type { PartitionResult, PartitionVariable } from './types';

/** Returns true when the partition ended the run (Terminate): the loop must stop at once. */
export function applyPartition(
  state: RunState,
  result: PartitionResult,
  sent: readonly PartitionVariable[],
  iterations: ActionRecord[][],
): boolean {
  iterations.push(...result.iterations.map((list) => list.map((r) => ({ ...r }))));
  for (const changed of result.variables) {
    const variable = state.variables.get(changed.name.toLowerCase());
    const before = sent.find((v) => v.name === changed.name);
    if (variable === undefined || before === undefined) continue;
    variable.value = mergedValue(variable.value, before.value, changed);
    if (changed.assigned) state.assigned.add(changed.name.toLowerCase());
  }
  if (result.response !== undefined && state.response === undefined) {
    state.response = readResponse(result.response);
    state.port.setStatus({ response: { ...state.response, headers: { ...state.response.headers } } });
  }
  if (result.terminated === undefined) return false;
  // A Terminate inside the body ends the whole run, as it does when the loop runs inline.
  state.terminated = terminatedOf(result.terminated);
  state.scheduler.stop();
  return true;
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
