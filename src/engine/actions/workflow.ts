/**
 * Workflow: calls another workflow as a child run (a sub-orchestration). The child's definition was
 * pinned into this run's input when the run started. The action takes the child's Response as its
 * outputs and fails when the child fails or answers with a status of 400 or more.
 */
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { readRunResult } from '../run-result';
import type { RunInput } from '../run-types';
import { type Executor, failed } from './env';
import { timedOut } from './timed-out';

export const workflowAction: Executor = function* (env) {
  const inputs = env.evaluate(env.def.inputs ?? {});
  const host = isJsonObject(inputs) && isJsonObject(inputs.host) ? inputs.host : {};
  const id = isJsonObject(host.workflow) && typeof host.workflow.id === 'string' ? host.workflow.id : '';
  const name =
    id
      .split('/')
      .filter((part) => part !== '')
      .at(-1) ?? '';
  const { input, port } = env.state;
  const pinned = input.workflows?.[name];
  if (pinned === undefined) {
    return failed(
      'WorkflowNotFound',
      `The workflow '${name}' called by action '${env.record.name}' does not exist.`,
      { inputs },
    );
  }
  const triggers = isJsonObject(pinned.definition.triggers) ? Object.keys(pinned.definition.triggers) : [];
  const triggerName = typeof host.triggerName === 'string' ? host.triggerName : (triggers[0] ?? 'manual');
  const child: RunInput = {
    workflow: name,
    definition: pinned.definition,
    ...(input.workflows ? { workflows: input.workflows } : {}),
    ...(pinned.parameters ? { parameters: pinned.parameters } : {}),
    trigger: {
      name: triggerName,
      type: 'Request',
      startTime: env.state.isoNow(),
      outputs: {
        headers: isJsonObject(inputs) && isJsonObject(inputs.headers) ? inputs.headers : {},
        body: isJsonObject(inputs) ? (inputs.body ?? null) : null,
      },
    },
    ...(input.callbackBase ? { callbackBase: input.callbackBase } : {}),
    ...(input.telemetry === true ? { telemetry: true } : {}),
    ...(input.foreachPartition === undefined ? {} : { foreachPartition: input.foreachPartition }),
    ...(input.untilPartition === undefined ? {} : { untilPartition: input.untilPartition }),
    parentRunId: port.runId,
  };
  const task = port.callSubWorkflow(child as unknown as JsonObject, `${port.runId}-${port.newGuid()}`);
  if (!(yield* env.waitOrTimeout([task]))) return timedOut({ inputs });
  const outcome = port.outcome(task);
  if (outcome.state !== 'completed') {
    return failed(
      'WorkflowRunFailed',
      `The child run failed: ${outcome.state === 'failed' ? outcome.message : 'no result'}.`,
      { inputs },
    );
  }
  const result = readRunResult(outcome.value);
  const outputs: JsonObject = result.response
    ? {
        statusCode: result.response.statusCode,
        headers: { ...result.response.headers },
        body: result.response.body,
      }
    : { body: null };
  if (result.status !== 'Succeeded' && result.response === undefined) {
    return failed(
      result.error?.code ?? 'WorkflowRunFailed',
      result.error?.message ?? `The child run ended with status '${result.status}'.`,
      { inputs, outputs },
    );
  }
  if (result.response !== undefined && result.response.statusCode >= 400) {
    return failed(
      'WorkflowRunFailed',
      `The child workflow '${name}' answered with status code ${result.response.statusCode}.`,
      { inputs, outputs },
    );
  }
  return { status: 'Succeeded', inputs, outputs };
};
