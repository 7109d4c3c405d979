/**
 * Http: the request runs in the `flowline-http` activity (a connector), never in the orchestrator.
 * The run history shows the inputs without credentials.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';
import { HTTP_ACTIVITY } from '../activities';
import { callConnector } from './call-connector';
import { type Executor, failed } from './env';
import { timedOut } from './timed-out';

export const http: Executor = function* (env) {
  const inputs = env.evaluate(env.def.inputs ?? {});
  if (!isJsonObject(inputs))
    return failed('InvalidTemplate', 'The inputs of an Http action must be an object.');
  const shown = withoutCredentials(inputs);
  const options = typeof env.def.operationOptions === 'string' ? env.def.operationOptions.toLowerCase() : '';
  const request: JsonObject = {
    ...inputs,
    idempotencyKey: idempotencyKey(env.state.port.runId, env.frame.path(), env.record.name),
    ...(options.includes('disableasyncpattern') ? { disableAsyncPattern: true } : {}),
  };
  delete request.retryPolicy;
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

/** Inputs as the run history shows them: authentication secrets replaced. */
export function withoutCredentials(inputs: JsonObject): JsonObject {
  if (!isJsonObject(inputs.authentication)) return inputs;
  const auth: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(inputs.authentication)) {
    auth[key] = ['password', 'secret', 'value', 'pfx', 'certificate'].includes(key.toLowerCase())
      ? '*sanitized*'
      : value;
  }
  return { ...inputs, authentication: auth };
}
