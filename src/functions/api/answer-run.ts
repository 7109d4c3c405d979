/**
 * What a trigger caller gets for the run its call started: the run's own Response when the workflow
 * has one and reaches it in time; 429 when the run could not get a concurrency slot; 502 when it
 * ended without a response; otherwise `202 Accepted` with the run's URL.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type * as df from 'durable-functions';
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { awaitResponse, responseTimeoutMs } from './await-response';
import { problem } from './problem';
import { respondWith, runAccepted } from './replies';

export async function answerRun(
  request: HttpRequest,
  client: df.DurableClient,
  workflow: string,
  definition: JsonObject,
  runId: string,
): Promise<HttpResponseInit> {
  if (!hasResponseAction(definition)) return runAccepted(request, workflow, runId);
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
  return runAccepted(request, workflow, runId);
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
