/**
 * Tokenizer for WDL expressions. Runs in one linear pass with no regular expressions, so hostile
 * input cannot make it backtrack. Offsets are absolute (see `ast.ts`).
 */
import { ExpressionError } from './errors';

export type TokenKind = 'identifier' | 'string' | 'number' | '(' | ')' | ',' | '.' | '[' | ']' | '?' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier name, decoded string literal, or number text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const PUNCTUATION = new Set(['(', ')', ',', '.', '[', ']', '?']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentStart = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$');
const isIdentPart = (c: string | undefined): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';

/**
 * Splits `source.slice(from, to)` into tokens. `source` is the whole string value so that token
 * offsets point into what the author wrote.
 */
export function tokenize(source: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = source[i];
    if (isSpace(c)) {
      i++;
    } else if (c !== undefined && PUNCTUATION.has(c)) {
      tokens.push({ kind: c as TokenKind, text: c, start: i, end: i + 1 });
      i++;
    } else if (c === "'") {
      i = readString(source, i, to, tokens);
    } else if (
      isDigit(c) ||
      ((c === '-' || c === '+') && (isDigit(source[i + 1]) || source[i + 1] === '.'))
    ) {
      i = readNumber(source, i, to, tokens);
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < to && isIdentPart(source[i])) i++;
      tokens.push({ kind: 'identifier', text: source.slice(start, i), start, end: i });
    } else {
      throw new ExpressionError(`Unexpected character '${c ?? ''}' in the expression.`, {
        start: i,
        end: i + 1,
      });
    }
  }
  tokens.push({ kind: 'end', text: '', start: to, end: to });
  return tokens;
}

function readString(source: string, start: number, to: number, tokens: Token[]): number {
  let i = start + 1;
  let value = '';
  for (;;) {
    if (i >= to) {
      throw new ExpressionError(
        'The string literal is not closed: add a closing single quote.',
        { start, end: to },
        "Inside a string, write '' for a single quote.",
      );
    }
    const c = source[i];
    if (c === "'") {
      if (source[i + 1] === "'" && i + 1 < to) {
        value += "'";
        i += 2;
        continue;
      }
      tokens.push({ kind: 'string', text: value, start, end: i + 1 });
      return i + 1;
    }
    value += c;
    i++;
  }
}

function readNumber(source: string, start: number, to: number, tokens: Token[]): number {
  let i = start;
  if (source[i] === '-' || source[i] === '+') i++;
  while (i < to && isDigit(source[i])) i++;
  if (source[i] === '.' && isDigit(source[i + 1])) {
    i++;
    while (i < to && isDigit(source[i])) i++;
  }
  if (source[i] === 'e' || source[i] === 'E') {
    let j = i + 1;
    if (source[j] === '+' || source[j] === '-') j++;
    if (isDigit(source[j])) {
      while (j < to && isDigit(source[j])) j++;
      i = j;
    }
  }
  if (isIdentStart(source[i])) {
    throw new ExpressionError(`The number '${source.slice(start, i + 1)}…' is malformed.`, {
      start,
      end: i + 1,
    });
  }
  tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
  return i;
}
