/**
 * Response: answers the HTTP request that started the run. The answer is published through the
 * port's status so the waiting trigger can return it while the run goes on.
 */
import { toInterpolatedString } from '../../expressions/stringify';
import { isJsonObject } from '../../expressions/values';
import type { RunResponse } from '../run-types';
import { failed, sync } from './env';

export const response = sync((env) => {
  const inputs = env.evaluate(env.def.inputs ?? {});
  if (!isJsonObject(inputs))
    return failed('InvalidTemplate', 'The inputs of a Response action must be an object.');
  const statusCode = Number(inputs.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    return failed(
      'InvalidTemplate',
      `The Response statusCode must be an integer from 100 to 599; got ${JSON.stringify(inputs.statusCode)}.`,
      { inputs },
    );
  }
  if (env.state.response !== undefined) {
    return failed(
      'ActionResponseAlreadySent',
      'A Response action already answered the request that started this run.',
      { inputs },
    );
  }
  const headers: Record<string, string> = {};
  if (isJsonObject(inputs.headers)) {
    for (const [key, value] of Object.entries(inputs.headers)) headers[key] = toInterpolatedString(value);
  }
  const answer: RunResponse = { statusCode, headers, body: inputs.body ?? null };
  env.state.response = answer;
  env.state.port.setStatus({ response: { ...answer, headers: { ...headers } } });
  return { status: 'Succeeded', inputs, outputs: { statusCode, headers: { ...headers }, body: answer.body } };
});
