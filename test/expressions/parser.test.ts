import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expressions/ast';
import { ExpressionError } from '../../src/expressions/errors';
import { MAX_NESTING, parseExpression } from '../../src/expressions/parser';
import { parseTemplate } from '../../src/expressions/template';

/** A compact, position-free rendering of an AST for readable expectations. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case 'string':
      return `'${expr.value}'`;
    case 'number':
      return expr.isFloat ? `${expr.value}f` : String(expr.value);
    case 'boolean':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'call':
      return `${expr.name}(${expr.args.map(show).join(', ')})`;
    case 'member':
      return `${show(expr.target)}${expr.optional ? '?' : ''}[${show(expr.property)}]`;
  }
}

function parseError(text: string): ExpressionError {
  try {
    parseTemplate(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected '${text}' to fail`);
}

describe('the expression parser', () => {
  it.each([
    ["'hello'", "'hello'"],
    ["'it''s'", "'it's'"],
    ["''", "''"],
    ['42', '42'],
    ['-7', '-7'],
    ['2.5', '2.5f'],
    ['1e3', '1000f'],
    ['true', 'true'],
    ['FALSE', 'false'],
    ['null', 'null'],
    ['utcNow()', 'utcNow()'],
    ["concat('a', 'b', 'c')", "concat('a', 'b', 'c')"],
    ['add(1, sub(5, -2))', 'add(1, sub(5, -2))'],
    ["body('Get').items", "body('Get')['items']"],
    ["body('Get')?.items", "body('Get')?['items']"],
    ["triggerBody()?['name']", "triggerBody()?['name']"],
    ["triggerBody()['a b'][0].c", "triggerBody()['a b'][0]['c']"],
    ['createArray(1, 2)[sub(2, 1)]', 'createArray(1, 2)[sub(2, 1)]'],
    ["  trim( ' x ' )  ", "trim(' x ')"],
    ["body('x').$content", "body('x')['$content']"],
  ])('parses %s as %s', (text, expected) => {
    expect(show(parseExpression(text))).toBe(expected);
  });

  it('records the exact source span of every node', () => {
    const expr = parseExpression("@concat('a', body('X')?.id)", 1);
    expect(expr.kind).toBe('call');
    if (expr.kind !== 'call') return;
    expect(expr.span).toEqual({ start: 1, end: 27 });
    expect(expr.nameSpan).toEqual({ start: 1, end: 7 });
    expect(expr.args.map((a) => a.span)).toEqual([
      { start: 8, end: 11 },
      { start: 13, end: 26 },
    ]);
  });

  it.each([
    [
      "concat('a'",
      "Expected ',' or ')' in the call to 'concat' opened at 6, found the end of the expression.",
      10,
    ],
    ["concat('a',)", "A value is missing after ',' in the call to 'concat'.", 11],
    ["'open", 'The string literal is not closed: add a closing single quote.', 0],
    ['foo', "'foo' is not a value: function names need parentheses and text needs single quotes.", 0],
    ["concat('a') 'b'", "Unexpected the string 'b' after the end of the expression.", 12],
    ['body(1).', "Expected a property name after '.', found the end of the expression.", 8],
    ['x()?', "Expected '.' or '[' after '?', found the end of the expression.", 4],
    ["x()['a'", "Expected ']' to close the '[' at 3, found the end of the expression.", 7],
    ['a # b', "Unexpected character '#' in the expression.", 2],
    ['', 'The expression is empty or ends too early: a value was expected.', 0],
    ['12abc', "The number '12a…' is malformed.", 0],
  ])('rejects %s with a positioned error', (text, message, position) => {
    let caught: unknown;
    try {
      parseExpression(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    expect((caught as ExpressionError).message).toBe(message);
    expect((caught as ExpressionError).span?.start).toBe(position);
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    const deep = 'not('.repeat(MAX_NESTING + 5) + 'true' + ')'.repeat(MAX_NESTING + 5);
    expect(() => parseExpression(deep)).toThrow(/nested more than 256 levels/);
  });

  it('parses a 100,000-character string literal in linear time', () => {
    const started = performance.now();
    parseExpression(`'${'x'.repeat(100_000)}'`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('workflow string values', () => {
  it.each([
    ['plain text', { kind: 'literal', value: 'plain text' }],
    ['@@starts with at', { kind: 'literal', value: '@starts with at' }],
    ['mail@example.com', { kind: 'literal', value: 'mail@example.com' }],
  ])('%s is literal text', (text, expected) => {
    expect(parseTemplate(text)).toEqual(expected);
  });

  it('a value starting with @ is one typed expression', () => {
    const template = parseTemplate("@body('A')");
    expect(template.kind).toBe('expression');
  });

  it('splits interpolation into text and expressions, with @@{ as a literal @{', () => {
    const template = parseTemplate("Hi @{triggerBody()?['name']}, see @@{not} and '}' @{'}'}!");
    expect(template.kind).toBe('interpolation');
    if (template.kind !== 'interpolation') return;
    expect(template.parts.map((p) => (typeof p === 'string' ? p : show(p)))).toEqual([
      'Hi ',
      "triggerBody()?['name']",
      ", see @{not} and '}' ",
      "'}'",
      '!',
    ]);
  });

  it('points at the unclosed @{ of an interpolation', () => {
    const error = parseError('text @{concat(');
    expect(error.message).toBe("The '@{' opened here is never closed with '}'.");
    expect(error.span?.start).toBe(5);
  });

  it('positions errors inside interpolation relative to the whole value', () => {
    const error = parseError('abc @{foo}');
    expect(error.span).toEqual({ start: 6, end: 9 });
  });

  it('rejects expressions longer than 8,192 characters', () => {
    const error = parseError(`@concat('${'a'.repeat(8200)}')`);
    expect(error.message).toMatch(/limit is 8192/);
  });
});
