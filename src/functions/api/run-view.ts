/**
 * The JSON shapes of the run API: a run summary for lists, and a run with its action tree. Inputs
 * and outputs of actions marked `secureData` are replaced before they leave the process.
 */
import type * as df from 'durable-functions';
import type { DerivedRun } from '../../engine/history/derive';
import { readRunResult } from '../../engine/run-result';
import type { ActionRecord, RunInput } from '../../engine/run-types';
import type { JsonValue } from '../../expressions/values';
import { text } from '../../engine/text';

export interface RunSummary {
  readonly id: string;
  readonly workflow: string;
  readonly status: string;
  readonly startTime: string;
  readonly endTime?: string;
  readonly error?: JsonValue;
  readonly originRunId?: string;
}

const REDACTED = { redacted: 'secureData' };

/** Logic Apps run statuses from the orchestration's state and output. */
export function runStatus(status: df.DurableOrchestrationStatus): { status: string; error?: JsonValue } {
  const runtime = String(status.runtimeStatus);
  if (runtime === 'Completed') {
    const result = readRunResult((status.output ?? null) as JsonValue);
    return { status: result.status, ...(result.error ? { error: { ...result.error } } : {}) };
  }
  if (runtime === 'Terminated') return { status: 'Cancelled' };
  if (runtime === 'Failed')
    return { status: 'Failed', error: { code: 'OrchestrationFailed', message: text(status.output ?? '') } };
  return { status: 'Running' };
}

export function runSummary(status: df.DurableOrchestrationStatus): RunSummary {
  const input = status.input as RunInput;
  const { status: runState, error } = runStatus(status);
  const ended = runState !== 'Running';
  return {
    id: status.instanceId,
    workflow: input.workflow,
    status: runState,
    startTime: new Date(status.createdTime).toISOString(),
    ...(ended ? { endTime: new Date(status.lastUpdatedTime).toISOString() } : {}),
    ...(error ? { error } : {}),
    ...(input.originRunId ? { originRunId: input.originRunId } : {}),
  };
}

export function runView(
  status: df.DurableOrchestrationStatus,
  input: RunInput,
  derived: DerivedRun,
): Record<string, unknown> {
  return {
    ...runSummary(status),
    trigger: { name: input.trigger.name, startTime: input.trigger.startTime, outputs: input.trigger.outputs },
    ...(input.parentRunId ? { parentRunId: input.parentRunId } : {}),
    response: derived.result?.response ?? null,
    outputs: derived.result?.outputs ?? null,
    actions: derived.actions.map(redact),
  };
}

/** A record as the API shows it: secure inputs/outputs replaced, nested records too. */
export function redact(record: ActionRecord): Record<string, unknown> {
  const { secureInputs, secureOutputs, children, iterations, inputs, outputs, ...rest } = record;
  return {
    ...rest,
    ...(inputs === undefined ? {} : { inputs: secureInputs ? REDACTED : inputs }),
    ...(outputs === undefined ? {} : { outputs: secureOutputs ? REDACTED : outputs }),
    ...(children ? { children: children.map(redact) } : {}),
    ...(iterations
      ? { iterations: iterations.map((actions, index) => ({ index, actions: actions.map(redact) })) }
      : {}),
  };
}
