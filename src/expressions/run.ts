/**
 * One call that takes text as an author would type it and returns its value: a WDL string value
 * (`@concat(...)`, `Hello @{...}`) or, for convenience, a bare expression (`concat('a', 'b')`).
 */
import type { Template } from './ast';
import type { EvaluationContext } from './context';
import { evaluateTemplate } from './evaluate';
import { parseExpression } from './parser';
import { isExpressionText, parseTemplate } from './template';
import type { JsonValue } from './values';

export function parseAuthorText(text: string): Template {
  if (isExpressionText(text) || text.startsWith('@@')) return parseTemplate(text);
  return { kind: 'expression', expr: parseExpression(text) };
}

export function evaluateText(text: string, ctx: EvaluationContext): JsonValue {
  return evaluateTemplate(parseAuthorText(text), ctx);
}
