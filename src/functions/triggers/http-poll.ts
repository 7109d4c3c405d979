/**
 * The Http polling trigger: at each occurrence of its `recurrence` it sends its request through the
 * Http connector. A 2xx answer other than 202 starts runs with `{statusCode, headers, body}` as
 * trigger outputs (then `splitOn` and `conditions` apply); 202 means "nothing new" and starts
 * nothing; a failure is logged and starts nothing (the next occurrence polls again).
 */
import { executeHttp, type HttpCallInput } from '../../connectors/http/index';
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { withoutCredentials } from '../../engine/actions/http-action';
import { ExpressionError } from '../../expressions/errors';
import { parametersResolver } from './run-input';
import type { Observe } from './scheduled-fire';
import { evaluateForTrigger } from './trigger-context';

export const httpPollObserve: Observe = async (trigger, entry, scheduledTime, context) => {
  const label = `${entry.name} (Http trigger)`;
  let inputs;
  try {
    inputs = evaluateForTrigger(trigger.inputs ?? null, {
      parameters: (await parametersResolver())(entry),
      now: scheduledTime,
    });
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    context.error(`Trigger ${label}: its inputs could not be evaluated: ${error.message}`);
    return undefined;
  }
  if (!isJsonObject(inputs) || typeof inputs.uri !== 'string') {
    context.error(`Trigger ${label}: inputs must be an object with a "uri".`);
    return undefined;
  }
  const options = typeof trigger.operationOptions === 'string' ? trigger.operationOptions.toLowerCase() : '';
  const request = {
    ...inputs,
    method: typeof inputs.method === 'string' ? inputs.method : 'GET',
    ...(options.includes('disableasyncpattern') ? { disableAsyncPattern: true } : {}),
  } as unknown as HttpCallInput;
  const outcome = await executeHttp(request);
  if (!outcome.ok) {
    context.warn(`Trigger ${label}: the poll failed (${outcome.error.code}): ${outcome.error.message}`);
    return undefined;
  }
  if (outcome.outputs.statusCode === 202) return undefined;
  return { outputs: outcome.outputs as unknown as JsonObject, inputs: withoutCredentials(inputs) };
};
