/** Evaluates author text against a static context, and captures expression errors for assertions. */
import { ExpressionError } from '../../../src/expressions/errors';
import { evaluateText } from '../../../src/expressions/run';
import { createStaticContext, type StaticContextData } from '../../../src/expressions/static-context';
import type { JsonValue } from '../../../src/expressions/values';

export function run(text: string, data: StaticContextData = {}): JsonValue {
  return evaluateText(text, createStaticContext(data));
}

/** The message of the ExpressionError `text` throws; fails the test when it does not throw one. */
export function errorOf(text: string, data: StaticContextData = {}): string {
  try {
    run(text, data);
  } catch (error) {
    if (error instanceof ExpressionError) return error.message;
    throw error;
  }
  throw new Error(`Expected '${text}' to fail, but it evaluated.`);
}
