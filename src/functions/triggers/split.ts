/**
 * Trigger `splitOn` and `conditions`, evaluated when the trigger fires and before any run starts.
 *
 * - `splitOn` (an expression over the trigger outputs, e.g. `@triggerBody()?['items']`) must give an
 *   array; each item becomes the trigger body of its own run.
 * - `conditions` are evaluated for each run's trigger outputs (after the split, so a condition can
 *   filter items); every one must be true, else that run is not started. A condition that is not a
 *   boolean is an error of the workflow, reported to the caller.
 */
import { ExpressionError } from '../../expressions/errors';
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';
import { text } from '../../engine/text';
import { evaluateForTrigger } from './trigger-context';

export type Split =
  | { readonly ok: true; readonly runs: readonly JsonObject[]; readonly skipped: readonly string[] }
  | { readonly ok: false; readonly pointer: string; readonly message: string; readonly tooMany?: true };

/**
 * Logic Apps' limit on the items one splitOn may turn into runs. The items usually come from the
 * caller's body, so without it one request could start millions of runs.
 */
export const MAX_SPLIT_ITEMS = 100_000;

export function splitTrigger(
  trigger: JsonObject,
  outputs: JsonObject,
  parameters: JsonObject,
  now: Date = new Date(),
): Split {
  const evaluate = (value: JsonValue, triggerOutputs: JsonObject): JsonValue =>
    evaluateForTrigger(value, { parameters, outputs: triggerOutputs, now });
  let candidates: JsonObject[] = [outputs];
  let stage = '/splitOn';
  try {
    if (trigger.splitOn !== undefined) {
      const items = evaluate(trigger.splitOn, outputs);
      if (!Array.isArray(items)) {
        return {
          ok: false,
          pointer: '/splitOn',
          message: `splitOn '${text(trigger.splitOn)}' must evaluate to an array; it gave ${kind(items)}.`,
        };
      }
      if (items.length > MAX_SPLIT_ITEMS) {
        return {
          ok: false,
          pointer: '/splitOn',
          message: `splitOn gave ${items.length} items; one trigger call may start at most ${MAX_SPLIT_ITEMS} runs.`,
          tooMany: true,
        };
      }
      candidates = items.map((item) => ({ ...outputs, body: item }));
    }
    stage = '/conditions';
    const conditions = Array.isArray(trigger.conditions) ? trigger.conditions : [];
    const runs: JsonObject[] = [];
    const skipped: string[] = [];
    for (const candidate of candidates) {
      const failed = falseCondition(conditions, (expression) => evaluate(expression, candidate));
      if (failed === undefined) runs.push(candidate);
      else skipped.push(failed);
    }
    return { ok: true, runs, skipped };
  } catch (error) {
    if (error instanceof ConditionTypeError)
      return { ok: false, pointer: error.pointer, message: error.message };
    if (error instanceof ExpressionError)
      return { ok: false, pointer: stage, message: `A trigger expression failed: ${error.message}` };
    throw error;
  }
}

class ConditionTypeError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

/** The text of the first condition that is false, or undefined when all are true. */
function falseCondition(
  conditions: readonly JsonValue[],
  evaluate: (expression: JsonValue) => JsonValue,
): string | undefined {
  for (const [index, condition] of conditions.entries()) {
    if (!isJsonObject(condition)) continue;
    const value = evaluate(condition.expression ?? null);
    if (typeof value !== 'boolean') {
      throw new ConditionTypeError(
        `/conditions/${index}/expression`,
        `Trigger condition '${text(condition.expression)}' must evaluate to true or false; it gave ${kind(value)}.`,
      );
    }
    if (!value) return text(condition.expression);
  }
  return undefined;
}

function kind(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
