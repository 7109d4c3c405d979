/**
 * `POST /api/workflows/{name}/triggers/{trigger}/invoke[/{relativePath}]`: validates the call,
 * starts a run pinned to the current definition, and answers with the run's Response when the
 * workflow has one and reaches it in time; otherwise `202 Accepted` with the run's URL. A call with an
 * `Idempotency-Key` that already started a run gets that run's answer instead (idempotency.ts).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { isJsonObject } from '../../expressions/values';
import { fireTrigger } from '../triggers/fire';
import { durableUnavailable } from './durable-unavailable';
import { answerRun } from './answer-run';
import { problem } from './problem';
import { readTriggerCall } from './request-trigger';
import { notStarted, splitAccepted } from './replies';
import { alreadyRunning, IDEMPOTENCY_HEADER, keyedRunId, readIdempotencyKey, runExists } from './idempotency';
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
  const keyCheck = readIdempotencyKey(request.headers.get(IDEMPOTENCY_HEADER));
  if (!keyCheck.ok) return problem(400, 'Invalid Idempotency-Key', keyCheck.message);
  if (keyCheck.key !== undefined && trigger.splitOn !== undefined) {
    return problem(
      400,
      'Idempotency-Key not supported here',
      `Trigger '${triggerName}' splits its body into several runs (splitOn); send the call without an Idempotency-Key.`,
    );
  }
  const client = df.getClient(context);
  const keyed = keyCheck.key === undefined ? undefined : keyedRunId(entry.name, triggerName, keyCheck.key);
  // A retried call whose run exists gets that run's answer; nothing starts.
  if (keyed !== undefined && (await runExists(client, keyed)))
    return answerRun(request, client, entry.name, definition, keyed);
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
      ...(keyed === undefined ? {} : { runId: () => keyed }),
    });
  } catch (error) {
    if (keyed !== undefined && alreadyRunning(error))
      return answerRun(request, client, entry.name, definition, keyed);
    const reason = durableUnavailable(error);
    if (reason === undefined) throw error;
    return problem(503, 'Runs cannot start now', reason, {}, { 'retry-after': '5' });
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
  return answerRun(request, client, entry.name, definition, fired.runIds[0] ?? '');
}
