/**
 * Size limits on what one function call may produce. Functions such as `join` and `replace` multiply
 * their input, so nesting a few of them grows text exponentially; without a limit the process
 * would run out of memory instead of failing the expression.
 */
import type { Call } from './ast';
import { ExpressionError } from './errors';
import type { JsonValue } from './values';

/** The longest text one function call may return (32 Mi characters, 64 MiB in memory). */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024;

export function resultTooLarge(call: Call, length: number): ExpressionError {
  return new ExpressionError(
    `The template language function '${call.name}' would produce ${length} characters; the limit is ${MAX_TEXT_LENGTH}.`,
    call.span,
  );
}

/** Throws before building text of `length` characters when that is over the limit. */
export function ensureTextLength(call: Call, length: number): void {
  if (length > MAX_TEXT_LENGTH) throw resultTooLarge(call, length);
}

/**
 * All text one evaluation may produce, intermediate results included (64 Mi characters). Each call
 * is under the per-call limit, but a `concat` of many of them would still hold gigabytes at once.
 */
export const MAX_EVALUATION_TEXT = 64 * 1024 * 1024;

export interface TextBudget {
  left: number;
}

export function newTextBudget(): TextBudget {
  return { left: MAX_EVALUATION_TEXT };
}

/** Charges a call's text result to the evaluation's budget; throws once either limit is passed. */
export function checkResult(call: Call, value: JsonValue, budget: TextBudget): JsonValue {
  if (typeof value !== 'string') return value;
  ensureTextLength(call, value.length);
  budget.left -= value.length;
  if (budget.left < 0)
    throw new ExpressionError(
      `The expression produces more than ${MAX_EVALUATION_TEXT} characters of text in total (at '${call.name}'); simplify it or work on smaller values.`,
      call.span,
    );
  return value;
}

/**
 * The JavaScript engine's own limits surface as RangeErrors (a string or array too long to build, a
 * value nested too deep to walk). They mean the input is too large, so they become expression errors
 * with the function's position; any other error is a bug and passes through unchanged.
 */
const ENGINE_LIMITS = /^(Invalid string length|Invalid array length|Maximum call stack size exceeded)/;

export function asLimitError(call: Call, error: unknown): unknown {
  if (!(error instanceof RangeError) || !ENGINE_LIMITS.test(error.message)) return error;
  return new ExpressionError(
    `The template language function '${call.name}' cannot be evaluated: its value is too large or too deeply nested (${error.message}).`,
    call.span,
  );
}
