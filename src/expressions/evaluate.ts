/**
 * Evaluates parsed expressions against an `EvaluationContext`. Pure: the only inputs are the AST,
 * the context and the function library.
 */
import type { Call, Expr, Member, Template } from './ast';
import type { EvaluationContext } from './context';
import { ExpressionError } from './errors';
import { typeName } from './functions/args';
import { lookupFunction, suggestFunction } from './functions/index';
import { asLimitError, checkResult, newTextBudget, type TextBudget } from './limits';
import { toInterpolatedString } from './stringify';
import { isJsonObject, type JsonValue } from './values';

export function evaluateTemplate(template: Template, ctx: EvaluationContext): JsonValue {
  // One budget for the whole string value, so the parts of an interpolation share it.
  const budget = newTextBudget();
  switch (template.kind) {
    case 'literal':
      return template.value;
    case 'expression':
      return evaluateExpression(template.expr, ctx, budget);
    case 'interpolation':
      return template.parts
        .map((part) =>
          typeof part === 'string' ? part : toInterpolatedString(evaluateExpression(part, ctx, budget)),
        )
        .join('');
  }
}

export function evaluateExpression(
  expr: Expr,
  ctx: EvaluationContext,
  budget: TextBudget = newTextBudget(),
): JsonValue {
  switch (expr.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return expr.value;
    case 'null':
      return null;
    case 'call':
      return evaluateCall(expr, ctx, budget);
    case 'member':
      return evaluateMember(expr, ctx, budget);
  }
}

function evaluateCall(call: Call, ctx: EvaluationContext, budget: TextBudget): JsonValue {
  const def = lookupFunction(call.name);
  if (!def) {
    const guess = suggestFunction(call.name);
    throw new ExpressionError(
      `The template function '${call.name}' is not defined or not valid.`,
      call.nameSpan,
      guess ? `Did you mean '${guess}'?` : undefined,
    );
  }
  const count = call.args.length;
  if (count < def.minArgs || count > def.maxArgs) {
    throw new ExpressionError(
      `The template language function '${def.name}' ${arityText(def.minArgs, def.maxArgs)}, got ${count}.`,
      call.span,
    );
  }
  const args = call.args.map((arg) => evaluateExpression(arg, ctx, budget));
  try {
    return checkResult(call, def.evaluate(args, ctx, call), budget);
  } catch (error) {
    throw asLimitError(call, error);
  }
}

export function arityText(min: number, max: number): string {
  const plural = (n: number): string => `${n} parameter${n === 1 ? '' : 's'}`;
  if (min === max) return `expects ${plural(min)}`;
  if (max === Infinity) return `expects at least ${plural(min)}`;
  return `expects between ${min} and ${max} parameters`;
}

function evaluateMember(member: Member, ctx: EvaluationContext, budget: TextBudget): JsonValue {
  const target = evaluateExpression(member.target, ctx, budget);
  const key = evaluateExpression(member.property, ctx, budget);
  if (target === null) {
    if (member.optional) return null;
    throw new ExpressionError(
      `The template language expression cannot be evaluated because property '${toInterpolatedString(key)}' cannot be selected. Property selection is not supported on values of type 'Null'.`,
      member.property.span,
      "Use the null-safe operator (?. or ?['name']) when the value may be missing.",
    );
  }
  if (Array.isArray(target)) return selectIndex(member, target, key);
  if (isJsonObject(target)) {
    if (typeof key !== 'string') {
      throw new ExpressionError(
        `An object property name must be a string; the index is of type '${typeName(key)}'.`,
        member.property.span,
      );
    }
    return selectProperty(member, target, key);
  }
  throw new ExpressionError(
    `The template language expression cannot be evaluated because property '${toInterpolatedString(key)}' cannot be selected. Property selection is not supported on values of type '${typeName(target)}'.`,
    member.property.span,
  );
}

/**
 * Logic Apps matches property names case-insensitively. An exact match wins; otherwise the first
 * key that matches ignoring case. Only own properties count, so `__proto__` or `constructor`
 * never reach JavaScript prototypes.
 */
function selectProperty(member: Member, target: Record<string, JsonValue>, key: string): JsonValue {
  if (Object.hasOwn(target, key)) return target[key] ?? null;
  const lower = key.toLowerCase();
  const found = Object.keys(target).find((k) => k.toLowerCase() === lower);
  if (found !== undefined) return target[found] ?? null;
  if (member.optional) return null;
  const available = Object.keys(target);
  throw new ExpressionError(
    `The template language expression cannot be evaluated because property '${key}' doesn't exist, available properties are '${available.join(', ')}'.`,
    member.property.span,
    "Use the null-safe operator (?. or ?['name']) when the property may be missing.",
  );
}

function selectIndex(member: Member, target: readonly JsonValue[], key: JsonValue): JsonValue {
  if (typeof key !== 'number' || !Number.isInteger(key)) {
    throw new ExpressionError(
      `An array can only be indexed by an integer; the index is of type '${typeName(key)}'.`,
      member.property.span,
    );
  }
  if (key >= 0 && key < target.length) return target[key] ?? null;
  if (member.optional) return null;
  throw new ExpressionError(
    `The template language expression cannot be evaluated because array index '${key}' is outside bounds (0, ${target.length - 1}) of array.`,
    member.property.span,
  );
}
