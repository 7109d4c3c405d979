/**
 * String functions. `indexOf`, `lastIndexOf`, `nthIndexOf`, `startsWith` and `endsWith` ignore
 * case, as the Logic Apps reference documents; `replace` and `contains` do not.
 */
import type { Call } from '../ast';
import { ExpressionError } from '../errors';
import { ensureTextLength } from '../limits';
import { toInterpolatedString } from '../stringify';
import type { JsonValue } from '../values';
import { argInteger, argString, invalidArgument, wrongType } from './args';
import { contentBase64, base64ToText } from './codec';
import { formatNumber } from './string-format-number';
import { definer } from './define';
import type { FunctionDef } from './types';

const str = definer('string');

/** Text of a value for concatenation: binary and XML content decode to their text. */
export function textOf(value: JsonValue | undefined): string {
  const base64 = contentBase64(value);
  if (base64 !== undefined) return base64ToText(base64);
  return toInterpolatedString(value ?? null);
}

function lowerPair(args: readonly JsonValue[], call: Call): [string, string] {
  return [argString(call, args, 0).toLowerCase(), argString(call, args, 1).toLowerCase()];
}

/** Resolves a possibly negative index against a length, clamped to [0, length]. */
export function clampIndex(index: number, length: number): number {
  const resolved = index < 0 ? length + index : index;
  return Math.min(Math.max(resolved, 0), length);
}

function nthIndexOf(args: readonly JsonValue[], call: Call): number {
  const [text, search] = lowerPair(args, call);
  const occurrence = argInteger(call, args, 2);
  if (occurrence === 0) invalidArgument(call, 2, 'the occurrence must not be zero.');
  if (search === '') return occurrence > 0 ? 0 : text.length;
  let index = occurrence > 0 ? -1 : text.length;
  for (let n = 0; n < Math.abs(occurrence); n++) {
    index = occurrence > 0 ? text.indexOf(search, index + 1) : text.lastIndexOf(search, index - 1);
    if (index < 0) return -1;
  }
  return index;
}

function substring(args: readonly JsonValue[], call: Call): string {
  const text = argString(call, args, 0);
  const start = argInteger(call, args, 1);
  const length = args.length > 2 ? argInteger(call, args, 2) : text.length - start;
  if (start < 0 || length < 0 || start + length > text.length) {
    throw new ExpressionError(
      `The template language function 'substring' parameters are out of range: 'start index' (${start}) and 'length' (${length}) must be non-negative integers and their sum must be no larger than the length of the string (${text.length}).`,
      call.span,
    );
  }
  return text.substr(start, length);
}

function guid(args: readonly JsonValue[], call: Call, value: string): string {
  const format = args.length > 0 ? argString(call, args, 0).toUpperCase() : 'D';
  const hex = value.replace(/-/g, '');
  switch (format) {
    case 'N':
      return hex;
    case 'D':
      return value;
    case 'B':
      return `{${value}}`;
    case 'P':
      return `(${value})`;
    case 'X': {
      const p = (from: number, to: number): string => `0x${hex.slice(from, to)}`;
      const bytes = [16, 18, 20, 22, 24, 26, 28, 30].map((i) => p(i, i + 2)).join(',');
      return `{${p(0, 8)},${p(8, 12)},${p(12, 16)},{${bytes}}}`;
    }
    default:
      return invalidArgument(call, 0, `'${format}' is not a GUID format; use N, D, B, P or X.`);
  }
}

export const stringFunctions: readonly FunctionDef[] = [
  str('concat', 1, Infinity, 'Joins values into one string.', (args) => args.map(textOf).join('')),
  str('endsWith', 2, 2, 'True when the text ends with the substring (ignores case).', (a, c) => {
    const [text, search] = lowerPair(a, c);
    return text.endsWith(search);
  }),
  str('startsWith', 2, 2, 'True when the text starts with the substring (ignores case).', (a, c) => {
    const [text, search] = lowerPair(a, c);
    return text.startsWith(search);
  }),
  str('indexOf', 2, 2, 'Zero-based position of a substring, or -1 (ignores case).', (a, c) => {
    const [text, search] = lowerPair(a, c);
    return text.indexOf(search);
  }),
  str('lastIndexOf', 2, 2, 'Zero-based position of the last occurrence, or -1 (ignores case).', (a, c) => {
    const [text, search] = lowerPair(a, c);
    return search === '' ? Math.max(text.length - 1, 0) : text.lastIndexOf(search);
  }),
  str(
    'nthIndexOf',
    3,
    3,
    'Position of the nth occurrence (negative counts from the end), or -1.',
    nthIndexOf,
  ),
  str('replace', 3, 3, 'Replaces every occurrence of a substring (case-sensitive).', (a, c) => {
    const text = argString(c, a, 0);
    const old = argString(c, a, 1);
    if (old === '') invalidArgument(c, 1, 'the text to replace must not be empty.');
    const pieces = text.split(old);
    const by = argString(c, a, 2);
    ensureTextLength(c, text.length + (pieces.length - 1) * (by.length - old.length));
    return pieces.join(by);
  }),
  str('split', 2, 2, 'Splits text at every delimiter into an array.', (a, c) => {
    const text = argString(c, a, 0);
    const delimiter = argString(c, a, 1);
    return delimiter === '' ? [text] : text.split(delimiter);
  }),
  str('substring', 2, 3, 'Characters from a start index, for an optional length.', substring),
  str('toLower', 1, 1, 'Lower-case text.', (a, c) => (a[0] === null ? '' : argString(c, a, 0).toLowerCase())),
  str('toUpper', 1, 1, 'Upper-case text.', (a, c) => (a[0] === null ? '' : argString(c, a, 0).toUpperCase())),
  str('trim', 1, 1, 'Removes leading and trailing whitespace.', (a, c) => argString(c, a, 0).trim()),
  str('isInt', 1, 2, 'True when the text is an integer.', (a, c) =>
    /^\s*[+-]?\d+\s*$/.test(argString(c, a, 0)),
  ),
  str('isFloat', 1, 2, 'True when the text is a number.', (a, c) =>
    /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?\s*$/.test(
      argString(c, a, 0).replace(/,(?=\d{3}(\D|$))/g, ''),
    ),
  ),
  str('formatNumber', 2, 3, 'Formats a number with a .NET numeric format string.', (a, c) => {
    const value = a[0];
    if (typeof value !== 'number') wrongType(c, 0, 'a number', value);
    return formatNumber(value, argString(c, a, 1), a.length > 2 ? argString(c, a, 2) : 'en-US', c);
  }),
  {
    name: 'guid',
    minArgs: 0,
    maxArgs: 1,
    category: 'string',
    summary: 'A new GUID, in format N, D (default), B, P or X.',
    evaluate: (args, ctx, call) => guid(args, call, ctx.newGuid()),
  },
];
