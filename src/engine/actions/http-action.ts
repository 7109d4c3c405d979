/**
 * Http: the request runs in the `flowline-http` activity (a connector), never in the orchestrator.
 * The run history shows the inputs without credentials.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';
import { HTTP_ACTIVITY } from '../activities';
import { callConnector } from './call-connector';
import { type ActionEnv, type Executor, failed } from './env';
import { timedOut } from './timed-out';

export const http: Executor = function* (env) {
  const inputs = env.evaluate(env.def.inputs ?? {});
  if (!isJsonObject(inputs))
    return failed('InvalidTemplate', 'The inputs of an Http action must be an object.');
  const shown = withoutCredentials(inputs);
  const options = typeof env.def.operationOptions === 'string' ? env.def.operationOptions.toLowerCase() : '';
  const request = activityRequest(env, {
    ...inputs,
    ...(options.includes('disableasyncpattern') ? { disableAsyncPattern: true } : {}),
  });
  const result = yield* callConnector(env, HTTP_ACTIVITY, request, inputs.retryPolicy ?? env.def.retryPolicy);
  if (result.kind === 'timedOut') return timedOut({ inputs: shown });
  const { outcome } = result;
  const outputs = outcome.outputs === undefined ? {} : { outputs: outcome.outputs };
  if (outcome.ok) return { status: 'Succeeded', inputs: shown, ...outputs };
  return failed(outcome.error?.code ?? 'ActionFailed', outcome.error?.message ?? 'The HTTP request failed.', {
    inputs: shown,
    ...outputs,
  });
};

/** The key a backend can use to recognise a repeated request: run, loop position and action. */
export function idempotencyKey(runId: string, path: string, action: string): string {
  return [runId, path, action].filter((p) => p !== '').join('/');
}

/**
 * The action's idempotency key in this run. Inside a partition of a large loop it names the run the
 * partition belongs to (loop positions are the same as inline), so the key, and the span id derived
 * from it, are what the action would have had if the loop had run inline.
 */
export function actionKey(env: ActionEnv): string {
  const runId = env.state.input.partition?.rootRunId ?? env.state.port.runId;
  return idempotencyKey(runId, env.frame.path(), env.record.name);
}

/**
 * What an activity that calls out receives: the evaluated inputs without their `retryPolicy` (the
 * engine applies it), plus the action's idempotency key (`suffix` tells a second call of the same
 * action apart) and the trigger call's `traceparent`, under which the activity puts the action's span.
 */
export function activityRequest(env: ActionEnv, inputs: JsonObject, suffix = ''): JsonObject {
  const { traceparent } = env.state.input;
  const request: JsonObject = {
    ...inputs,
    idempotencyKey: `${actionKey(env)}${suffix}`,
    ...(traceparent === undefined ? {} : { traceparent }),
  };
  delete request.retryPolicy;
  return request;
}

/** Blocks of inputs that carry credentials, and the fields in them the run view must not show. */
const CREDENTIAL_BLOCKS = ['authentication', 'wsSecurity'];
const SECRET_FIELDS = new Set(['password', 'secret', 'value', 'pfx', 'certificate', 'key', 'pem']);

/** Inputs as the run view shows them: the secret fields of `authentication` and `wsSecurity` replaced. */
export function withoutCredentials(inputs: JsonObject): JsonObject {
  let out = inputs;
  for (const block of CREDENTIAL_BLOCKS) {
    const credentials = inputs[block];
    if (!isJsonObject(credentials)) continue;
    const shown: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(credentials)) {
      shown[key] = SECRET_FIELDS.has(key.toLowerCase()) ? '*sanitized*' : value;
    }
    out = { ...out, [block]: shown };
  }
  return out;
}
