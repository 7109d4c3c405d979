/**
 * HttpWebhook: subscribes a callback URL with a service (an Http activity), waits for the service to
 * call it back (an external event raised into the run), then unsubscribes. `limit.timeout` bounds
 * the wait; a timed-out webhook still unsubscribes.
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { HTTP_ACTIVITY } from '../activities';
import { createContext } from '../context';
import { callConnector } from './call-connector';
import { type ActionEnv, type Executor, failed } from './env';
import { activityRequest, withoutCredentials } from './http-action';
import { timedOut } from './timed-out';

export const httpWebhook: Executor = function* (env) {
  const { input, port } = env.state;
  const eventName = webhookEventName(env);
  const callbackUrl = `${input.callbackBase ?? 'http://localhost:7071/api'}/workflows/${encodeURIComponent(input.workflow)}/runs/${encodeURIComponent(port.runId)}/events/${encodeURIComponent(eventName)}`;
  const ctx = createContext(env.state, env.frame, { current: env.record, callbackUrl });
  const raw = isJsonObject(env.def.inputs) ? env.def.inputs : {};
  const subscribe = env.evaluate(raw.subscribe ?? {}, ctx);
  if (!isJsonObject(subscribe))
    return failed('InvalidTemplate', 'The webhook subscribe request must be an object.');
  const inputs: JsonValue = { subscribe: withoutCredentials(subscribe) };
  const event = port.waitForEvent(eventName);
  const subscribed = yield* callConnector(
    env,
    HTTP_ACTIVITY,
    activityRequest(env, subscribe),
    subscribe.retryPolicy ?? env.def.retryPolicy,
  );
  if (subscribed.kind === 'timedOut') return timedOut({ inputs });
  if (!subscribed.outcome.ok) {
    const error = subscribed.outcome.error;
    return failed(error?.code ?? 'ActionFailed', `The webhook subscription failed: ${error?.message ?? ''}`, {
      inputs,
    });
  }
  const arrived = yield* env.waitOrTimeout([event]);
  yield* unsubscribe(env, raw.unsubscribe, ctx);
  if (!arrived) return timedOut({ inputs });
  const outcome = port.outcome(event);
  const payload = outcome.state === 'completed' ? outcome.value : null;
  const outputs =
    isJsonObject(payload) && ('body' in payload || 'headers' in payload) ? payload : { body: payload };
  return { status: 'Succeeded', inputs, outputs };
};

function* unsubscribe(env: ActionEnv, template: unknown, ctx: ReturnType<typeof createContext>) {
  if (template === undefined) return;
  const request = env.evaluate(template, ctx);
  if (isJsonObject(request))
    yield* callConnector(
      env,
      HTTP_ACTIVITY,
      activityRequest(env, request, '/unsubscribe'),
      { type: 'none' },
      false,
    );
}

/** One event name per action instance: loop positions keep iterations apart. */
export function webhookEventName(env: ActionEnv): string {
  const path = env.frame.path();
  return `webhook:${env.record.name}${path === '' ? '' : `:${path}`}`;
}
