/**
 * Recursive-descent parser for one WDL expression (the text after `@`, or inside `@{ }`).
 *
 *   expression := primary postfix*
 *   primary    := string | number | 'true' | 'false' | 'null' | name '(' [expression (',' expression)*] ')'
 *   postfix    := ['?'] ( '.' name | '[' expression ']' )
 */
import type { Call, Expr, Span } from './ast';
import { ExpressionError } from './errors';
import { tokenize, type Token } from './lexer';

/** Deeper nesting than this is refused: no real workflow needs it and it keeps the stack safe. */
export const MAX_NESTING = 256;

export function parseExpression(source: string, from = 0, to = source.length): Expr {
  const parser = new Parser(tokenize(source, from, to));
  const expr = parser.expression(0);
  parser.expectEnd();
  return expr;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    const token = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
    if (token === undefined) throw new Error('token stream is empty');
    return token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') {
      throw new ExpressionError(
        `Unexpected ${describe(token)} after the end of the expression.`,
        span(token),
        'An expression is a single value, call or property access; use concat() to join values.',
      );
    }
  }

  expression(depth: number): Expr {
    if (depth > MAX_NESTING) {
      throw new ExpressionError(
        `The expression is nested more than ${MAX_NESTING} levels deep.`,
        span(this.peek()),
      );
    }
    let expr = this.primary(depth);
    for (;;) {
      const token = this.peek();
      const optional = token.kind === '?';
      const accessor = optional ? this.peek(1) : token;
      if (accessor.kind === '.') {
        if (optional) this.next();
        this.next();
        const name = this.next();
        if (name.kind !== 'identifier') {
          throw new ExpressionError(
            `Expected a property name after '.', found ${describe(name)}.`,
            span(name),
            "Use ['name'] for property names with spaces or symbols.",
          );
        }
        const property: Expr = { kind: 'string', value: name.text, span: span(name) };
        expr = {
          kind: 'member',
          target: expr,
          property,
          optional,
          span: { start: expr.span.start, end: name.end },
        };
      } else if (accessor.kind === '[') {
        if (optional) this.next();
        const open = this.next();
        const property = this.expression(depth + 1);
        const close = this.next();
        if (close.kind !== ']') {
          throw new ExpressionError(
            `Expected ']' to close the '[' at ${open.start}, found ${describe(close)}.`,
            span(close),
          );
        }
        expr = {
          kind: 'member',
          target: expr,
          property,
          optional,
          span: { start: expr.span.start, end: close.end },
        };
      } else if (optional) {
        throw new ExpressionError(
          `Expected '.' or '[' after '?', found ${describe(accessor)}.`,
          span(accessor),
          "The null-safe operator is written x?.name or x?['name'].",
        );
      } else {
        return expr;
      }
    }
  }

  private primary(depth: number): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text, span: span(token) };
      case 'number': {
        const value = Number(token.text);
        const isFloat = /[.eE]/.test(token.text);
        return { kind: 'number', value, isFloat, span: span(token) };
      }
      case 'identifier':
        return this.identifier(token, depth);
      case 'end':
        throw new ExpressionError(
          'The expression is empty or ends too early: a value was expected.',
          span(token),
        );
      default:
        throw new ExpressionError(
          `Expected a value, a function call or a string, found ${describe(token)}.`,
          span(token),
        );
    }
  }

  private identifier(token: Token, depth: number): Expr {
    if (this.peek().kind !== '(') {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        return { kind: 'boolean', value: lower === 'true', span: span(token) };
      }
      if (lower === 'null') return { kind: 'null', span: span(token) };
      throw new ExpressionError(
        `'${token.text}' is not a value: function names need parentheses and text needs single quotes.`,
        span(token),
        `Write ${token.text}() to call a function, or '${token.text}' for the text.`,
      );
    }
    const open = this.next();
    const args: Expr[] = [];
    if (this.peek().kind === ')') {
      const close = this.next();
      return call(token, args, close);
    }
    for (;;) {
      args.push(this.expression(depth + 1));
      const separator = this.next();
      if (separator.kind === ')') return call(token, args, separator);
      if (separator.kind !== ',') {
        throw new ExpressionError(
          `Expected ',' or ')' in the call to '${token.text}' opened at ${open.start}, found ${describe(separator)}.`,
          span(separator),
        );
      }
      if (this.peek().kind === ')') {
        throw new ExpressionError(
          `A value is missing after ',' in the call to '${token.text}'.`,
          span(this.peek()),
        );
      }
    }
  }
}

function call(name: Token, args: Expr[], close: Token): Call {
  return {
    kind: 'call',
    name: name.text,
    nameSpan: span(name),
    args,
    span: { start: name.start, end: close.end },
  };
}

function span(token: Token): Span {
  return { start: token.start, end: Math.max(token.end, token.start + (token.kind === 'end' ? 0 : 1)) };
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'identifier':
      return `'${token.text}'`;
    case 'string':
      return `the string '${token.text}'`;
    case 'number':
      return `the number ${token.text}`;
    default:
      return `'${token.kind}'`;
  }
}
