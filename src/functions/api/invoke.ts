/**
 * `POST /api/workflows/{name}/triggers/{trigger}/invoke[/{relativePath}]`: validates the call,
 * starts a run pinned to the current definition, and answers with the run's Response when the
 * workflow has one and reaches it in time; otherwise `202 Accepted` with the run's URL.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { fireTrigger } from '../triggers/fire';
import { durableUnavailable } from './durable-unavailable';
import { awaitResponse, responseTimeoutMs } from './await-response';
import { problem } from './problem';
import { readTriggerCall } from './request-trigger';
import { notStarted, respondWith, runAccepted, splitAccepted } from './replies';
import { findWorkflow } from './find-workflow';
import { text } from '../../engine/text';
import { incomingTraceparent } from '../../telemetry/trace-context';

export async function invoke(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const found = await findWorkflow(request.params['name'] ?? '');
  if (!found.ok) return found.response;
  const { entry, definition } = found;
  const triggers = isJsonObject(definition.triggers) ? definition.triggers : {};
  const wanted = request.params['trigger'] ?? '';
  const triggerName = Object.keys(triggers).find((n) => n.toLowerCase() === wanted.toLowerCase());
  const trigger = triggerName === undefined ? undefined : triggers[triggerName];
  if (triggerName === undefined || !isJsonObject(trigger)) {
    return problem(
      404,
      'Trigger not found',
      `Workflow '${entry.name}' has no trigger '${wanted}'. Its triggers: ${Object.keys(triggers).join(', ') || 'none'}.`,
    );
  }
  if (text(trigger.type).toLowerCase() !== 'request') {
    return problem(
      409,
      'Trigger cannot be invoked',
      `Trigger '${triggerName}' is of type '${text(trigger.type)}'; only Request triggers are called over HTTP.`,
    );
  }
  const call = await readTriggerCall(request, trigger, request.params['path'] ?? '');
  if (!call.ok) return call.response;
  const client = df.getClient(context);
  const traceparent = incomingTraceparent(request.headers.get('traceparent'));
  let fired;
  try {
    fired = await fireTrigger(client, {
      entry,
      definition,
      triggerName,
      trigger,
      type: 'Request',
      outputs: call.outputs,
      callbackBase: `${new URL(request.url).origin}/api`,
      ...(traceparent === undefined ? {} : { traceparent }),
    });
  } catch (error) {
    const reason = durableUnavailable(error);
    if (reason === undefined) throw error;
    return problem(
      503,
      'Runs cannot start now',
      reason,
      {},
      {
        'retry-after': '5',
      },
    );
  }
  if (fired.kind === 'invalid') {
    // Too many split items is the caller's doing (its body); any other trigger error is the workflow's.
    const [status, title] = fired.tooMany
      ? [413, 'Too many items to split']
      : [500, 'Trigger expression failed'];
    return problem(status, title, fired.message, {
      workflow: entry.name,
      pointer: `/definition/triggers/${triggerName}${fired.pointer}`,
    });
  }
  if (fired.kind === 'skipped') return notStarted(fired.reasons);
  if (fired.split) return splitAccepted(request, entry.name, fired.runIds);
  const runId = fired.runIds[0] ?? '';
  if (!hasResponseAction(definition)) return runAccepted(request, entry.name, runId);
  const awaited = await awaitResponse(client, runId, responseTimeoutMs());
  if (awaited.kind === 'response') return respondWith(awaited.response, runId);
  if (awaited.kind === 'ended' && awaited.result.error?.code === 'TooManyWaitingRuns') {
    return problem(
      429,
      'Too many waiting runs',
      awaited.result.error.message,
      { runId },
      { 'retry-after': '10', 'x-flowline-run-id': runId },
    );
  }
  if (awaited.kind === 'ended') {
    const { status, error } = awaited.result;
    return problem(
      502,
      status === 'Failed' ? 'The workflow run failed' : `The workflow run ended ${status} without a response`,
      error?.message ?? `The run ended ${status} before it sent a response.`,
      { runId, runStatus: status, ...(error?.code === undefined ? {} : { code: error.code }) },
      { 'x-flowline-run-id': runId },
    );
  }
  return runAccepted(request, entry.name, runId);
}

/** True when a Response action appears anywhere in the definition. */
export function hasResponseAction(definition: JsonObject): boolean {
  const visit = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (!isJsonObject(value as JsonObject)) return false;
    const object = value as JsonObject;
    if (
      typeof object.type === 'string' &&
      object.type.toLowerCase() === 'response' &&
      object.inputs !== undefined
    )
      return true;
    return Object.values(object).some(visit);
  };
  return visit(definition.actions);
}
