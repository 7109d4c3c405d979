/** Evaluates author text against a context full of hostile data, timed, capturing what it throws. */
import { ExpressionError } from '../../../src/expressions/errors';
import { evaluateText } from '../../../src/expressions/run';
import { createStaticContext, type StaticContextData } from '../../../src/expressions/static-context';
import type { JsonObject, JsonValue } from '../../../src/expressions/values';
import { type Timed, timed, timedWithin } from './property';

/** JSON.parse keeps `__proto__` as an own key, exactly as a request body arrives. */
const hostileBody = JSON.parse(
  '{"count":3,"name":"Ada","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},' +
    '"items":[{"id":1},{"id":2}],"xml":"<a><b>1</b></a>"}',
) as JsonObject;

export const HOSTILE_CONTEXT: StaticContextData = {
  trigger: { outputs: { body: hostileBody, headers: { 'content-type': 'application/json' } } },
  actions: { Get: { outputs: { body: hostileBody, statusCode: 200 } } },
  variables: { v: hostileBody, count: 1 },
  parameters: { p: 'value' },
  items: { loop: hostileBody },
  iterationIndexes: { loop: 0 },
  results: { loop: [] },
};

export function evaluateTimed(text: string, data: StaticContextData = HOSTILE_CONTEXT): Timed<JsonValue> {
  return timed(() => evaluateText(text, createStaticContext(data)));
}

/** `evaluateTimed`, re-measured when over the budget (see `timedWithin`). */
export function evaluateWithin(
  budgetMs: number,
  text: string,
  data: StaticContextData = HOSTILE_CONTEXT,
): Timed<JsonValue> {
  return timedWithin(budgetMs, () => evaluateText(text, createStaticContext(data)));
}

/** An error a caller may get from an expression: the project's own class, nothing else. */
export function isExpressionError(error: unknown): error is ExpressionError {
  return error instanceof ExpressionError;
}
