/**
 * Conversion functions. Binary values are content envelopes (`codec.ts`); URI component encoding
 * escapes every character outside A-Z a-z 0-9 - _ . ~, as .NET's Uri.EscapeDataString does.
 */
import type { Call } from '../ast';
import { ExpressionError } from '../errors';
import { isJsonObject, type JsonValue } from '../values';
import { argString, invalidArgument, typeName, wrongType } from './args';
import { base64ToText, binaryContent, contentBase64, isBase64, textToBase64 } from './codec';
import { textOf } from './string';
import { definer } from './define';
import type { FunctionDef } from './types';

const fn = definer('conversion');

export function escapeDataString(text: string): string {
  // encodeURIComponent throws a URIError on a lone surrogate; .NET writes U+FFFD for it instead.
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function base64Arg(call: Call, args: readonly JsonValue[], index: number): string {
  const text = argString(call, args, index);
  if (!isBase64(text)) invalidArgument(call, index, 'the value is not valid base64.');
  return text;
}

function decodeComponent(call: Call, args: readonly JsonValue[]): string {
  try {
    return decodeURIComponent(argString(call, args, 0));
  } catch {
    return invalidArgument(call, 0, 'the value has a malformed percent-encoding.');
  }
}

/** `data:[type][;charset=...][;base64],payload` split into its media type and base64 payload. */
function parseDataUri(call: Call, args: readonly JsonValue[]): { type: string; base64: string } {
  const uri = argString(call, args, 0);
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (!match) return invalidArgument(call, 0, "the value is not a data URI ('data:<type>;base64,<data>').");
  const type = (match[1] ?? '') === '' ? 'text/plain;charset=US-ASCII' : (match[1] ?? '');
  const payload = match[3] ?? '';
  if (match[2]) {
    if (!isBase64(payload)) invalidArgument(call, 0, 'the data URI payload is not valid base64.');
    return { type, base64: payload };
  }
  return { type, base64: textToBase64(decodeURIComponent(payload)) };
}

function toNumber(call: Call, args: readonly JsonValue[], integer: boolean): number {
  const v = args[0];
  if (typeof v === 'number') {
    if (integer && !Number.isInteger(v)) return Math.trunc(v);
    return v;
  }
  const text = typeof v === 'string' ? v.trim() : undefined;
  const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  if (text === undefined || !pattern.test(text)) {
    throw new ExpressionError(
      `The template language function '${call.name}' was invoked with a parameter that is not valid. The value '${textOf(v ?? null)}' of type '${typeName(v)}' cannot be converted to ${integer ? 'an integer' : 'a number'}.`,
      call.args[0]?.span ?? call.span,
    );
  }
  return Number(text);
}

function toBool(call: Call, args: readonly JsonValue[]): boolean {
  const v = args[0];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return wrongType(call, 0, "a boolean, a number, or the text 'true' or 'false'", v);
}

/** `string()`: JSON for objects and arrays, decoded text for binary content, `True`/`False` for booleans. */
function toText(value: JsonValue): string {
  return textOf(value);
}

export const conversionFunctions: readonly FunctionDef[] = [
  fn('array', 1, 1, 'An array holding the value.', (a) => [a[0] ?? null]),
  fn('createArray', 0, Infinity, 'An array of the arguments.', (a) => [...a]),
  fn(
    'base64',
    1,
    1,
    'The base64 encoding of text (or of binary content).',
    (a) => contentBase64(a[0]) ?? textToBase64(toText(a[0] ?? null)),
  ),
  fn('base64ToBinary', 1, 1, 'Binary content from base64.', (a, c) => binaryContent(base64Arg(c, a, 0))),
  fn('base64ToString', 1, 1, 'The text that base64 encodes.', (a, c) => base64ToText(base64Arg(c, a, 0))),
  fn('decodeBase64', 1, 1, 'The text that base64 encodes (older name of base64ToString).', (a, c) =>
    base64ToText(base64Arg(c, a, 0)),
  ),
  fn('binary', 1, 1, 'Binary content of text.', (a) =>
    binaryContent(contentBase64(a[0]) ?? textToBase64(toText(a[0] ?? null))),
  ),
  fn('bool', 1, 1, 'A boolean from a boolean, number or text.', (a, c) => toBool(c, a)),
  fn('dataUri', 1, 1, 'A data URI of text.', (a) => {
    const value = a[0] ?? null;
    const content = isJsonObject(value) ? value['$content-type'] : undefined;
    const type = typeof content === 'string' ? content : 'text/plain;charset=utf-8';
    return `data:${type};base64,${contentBase64(value) ?? textToBase64(toText(value))}`;
  }),
  fn('dataUriToBinary', 1, 1, 'Binary content of a data URI.', (a, c) => {
    const { type, base64 } = parseDataUri(c, a);
    return binaryContent(base64, type);
  }),
  fn('decodeDataUri', 1, 1, 'Binary content of a data URI.', (a, c) => {
    const { type, base64 } = parseDataUri(c, a);
    return binaryContent(base64, type);
  }),
  fn('dataUriToString', 1, 1, 'The text of a data URI.', (a, c) => base64ToText(parseDataUri(c, a).base64)),
  fn('decimal', 1, 1, 'A decimal number from text.', (a, c) => toNumber(c, a, false)),
  fn('float', 1, 2, 'A floating-point number from text.', (a, c) => toNumber(c, a, false)),
  fn('int', 1, 1, 'An integer from text.', (a, c) => toNumber(c, a, true)),
  fn('string', 1, 1, 'The text form of a value.', (a) => toText(a[0] ?? null)),
  // Logic Apps accepts several arguments and encodes their concatenation; designer-generated
  // paths such as encodeURIComponent('workflows/', name, '/runs') rely on it.
  fn('encodeUriComponent', 1, Infinity, 'Percent-encodes text (the arguments joined) for a URI.', (a) =>
    escapeDataString(a.map(toText).join('')),
  ),
  fn('uriComponent', 1, 1, 'Percent-encodes text for a URI.', (a) => escapeDataString(toText(a[0] ?? null))),
  fn('decodeUriComponent', 1, 1, 'Decodes percent-encoded text.', (a, c) => decodeComponent(c, a)),
  fn('uriComponentToString', 1, 1, 'Decodes percent-encoded text.', (a, c) => decodeComponent(c, a)),
  fn('uriComponentToBinary', 1, 1, 'Binary content of percent-encoded text.', (a, c) =>
    binaryContent(textToBase64(decodeComponent(c, a))),
  ),
];
