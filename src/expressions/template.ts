/**
 * Parses a WDL string value into a `Template`:
 * - `"@expr"`: the whole value is one expression and keeps its type;
 * - `"@@text"`: the literal text `@text` (the leading `@@` escapes one `@`);
 * - `"text @{expr} text"`: interpolation, always a string; `@@{` writes a literal `@{`;
 * - anything else is a literal.
 */
import type { Expr, Template } from './ast';
import { ExpressionError } from './errors';
import { parseExpression } from './parser';

/** WDL's limit on the length of one expression string. */
export const MAX_EXPRESSION_LENGTH = 8192;

export function parseTemplate(text: string): Template {
  if (text.startsWith('@@')) return { kind: 'literal', value: text.slice(1) };
  if (text.startsWith('@') && !text.startsWith('@{')) {
    checkLength(text);
    return { kind: 'expression', expr: parseExpression(text, 1) };
  }
  if (!text.includes('@{')) return { kind: 'literal', value: text };
  checkLength(text);
  return interpolation(text);
}

/** True when the string value contains an expression that must be evaluated. */
export function isExpressionText(text: string): boolean {
  return (text.startsWith('@') && !text.startsWith('@@')) || text.includes('@{');
}

function checkLength(text: string): void {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `The expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}.`,
      { start: 0, end: text.length },
      'Split the work across Compose actions.',
    );
  }
}

function interpolation(text: string): Template {
  const parts: (string | Expr)[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('@@{', i)) {
      literal += '@{';
      i += 3;
    } else if (text.startsWith('@{', i)) {
      const close = findClose(text, i + 2);
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push(parseExpression(text, i + 2, close));
      i = close + 1;
    } else {
      literal += text[i];
      i++;
    }
  }
  if (literal !== '') parts.push(literal);
  return { kind: 'interpolation', parts };
}

/** Index of the `}` that closes an `@{` whose body starts at `from`, skipping string literals. */
function findClose(text: string, from: number): number {
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "'") inString = !inString;
    else if (c === '}' && !inString) return i;
  }
  throw new ExpressionError(
    "The '@{' opened here is never closed with '}'.",
    { start: from - 2, end: text.length },
    inString ? 'A string literal inside it is not closed either.' : undefined,
  );
}
