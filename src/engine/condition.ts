/**
 * If/Until conditions: a boolean, an expression string, or the designer's object form
 * (`{"and": [{"equals": [a, b]}, {"not": {...}}]}`), whose comparisons are the library functions of
 * the same name so both forms agree on every type rule.
 */
import type { Call } from '../expressions/ast';
import type { EvaluationContext } from '../expressions/context';
import { ExpressionError } from '../expressions/errors';
import { lookupFunction } from '../expressions/functions/index';
import type { JsonValue } from '../expressions/values';
import { evaluateValue } from './template-cache';

export function evaluateCondition(condition: unknown, ctx: EvaluationContext): boolean {
  if (typeof condition === 'object' && condition !== null && !Array.isArray(condition)) {
    return evaluateObject(condition as Record<string, unknown>, ctx);
  }
  const value = evaluateValue(condition, ctx);
  if (typeof value === 'boolean') return value;
  throw new ExpressionError(
    `The condition must evaluate to a boolean, but it evaluated to ${describe(value)}.`,
    undefined,
  );
}

function evaluateObject(condition: Record<string, unknown>, ctx: EvaluationContext): boolean {
  const [operator, operand] = Object.entries(condition)[0] ?? [];
  if (operator === undefined) throw new ExpressionError('A condition object needs one operator.', undefined);
  const op = operator.toLowerCase();
  if (op === 'and' || op === 'or') {
    const parts = Array.isArray(operand) ? operand : [];
    return op === 'and'
      ? parts.every((part) => evaluateCondition(part, ctx))
      : parts.some((part) => evaluateCondition(part, ctx));
  }
  if (op === 'not') return !evaluateCondition(operand, ctx);
  const fn = lookupFunction(operator);
  if (fn === undefined || !Array.isArray(operand)) {
    throw new ExpressionError(`Unknown condition operator '${operator}'.`, undefined);
  }
  const args = operand.map((arg) => evaluateValue(arg, ctx));
  const call: Call = { kind: 'call', name: fn.name, nameSpan: ZERO, args: [], span: ZERO };
  const result = fn.evaluate(args, ctx, call);
  if (typeof result !== 'boolean') {
    throw new ExpressionError(`The condition operator '${operator}' did not return a boolean.`, undefined);
  }
  return result;
}

const ZERO = { start: 0, end: 0 };

function describe(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} '${String(value)}'`;
}
