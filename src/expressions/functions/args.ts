/**
 * Argument checks shared by the function library. Messages follow the wording Logic Apps uses
 * ("The template language function 'x' expects its first parameter to be ..."), so an author who
 * searches for an error finds the same explanation for Flowline and Logic Apps.
 */
import type { Call } from '../ast';
import { ExpressionError } from '../errors';
import { isJsonObject, type JsonObject, type JsonValue } from '../values';

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

export function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

/** The WDL type name of a value, as Logic Apps prints it in errors. */
export function typeName(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'Null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  if (Array.isArray(value)) return 'Array';
  return 'Object';
}

/** Throws the standard "expects its Nth parameter to be X" error for argument `index` of `call`. */
export function wrongType(call: Call, index: number, expected: string, actual: JsonValue | undefined): never {
  const span = call.args[index]?.span ?? call.span;
  throw new ExpressionError(
    `The template language function '${call.name}' expects its ${ordinal(index)} parameter to be ${expected}. The provided value is of type '${typeName(actual)}'.`,
    span,
  );
}

/** Throws an error about argument `index` with a free-form reason. */
export function invalidArgument(call: Call, index: number, reason: string): never {
  throw new ExpressionError(
    `The template language function '${call.name}' was invoked with a ${ordinal(index)} parameter that is not valid: ${reason}`,
    call.args[index]?.span ?? call.span,
  );
}

export function argString(call: Call, args: readonly JsonValue[], index: number): string {
  const v = args[index];
  if (typeof v !== 'string') wrongType(call, index, 'a string', v);
  return v;
}

export function argNumber(call: Call, args: readonly JsonValue[], index: number): number {
  const v = args[index];
  if (typeof v !== 'number') wrongType(call, index, 'an integer or a decimal number', v);
  return v;
}

export function argInteger(call: Call, args: readonly JsonValue[], index: number): number {
  const v = args[index];
  if (typeof v !== 'number' || !Number.isInteger(v)) wrongType(call, index, 'an integer', v);
  return v;
}

export function argBoolean(call: Call, args: readonly JsonValue[], index: number): boolean {
  const v = args[index];
  if (typeof v !== 'boolean') wrongType(call, index, 'a boolean', v);
  return v;
}

export function argArray(call: Call, args: readonly JsonValue[], index: number): JsonValue[] {
  const v = args[index];
  if (!Array.isArray(v)) wrongType(call, index, 'an array', v);
  return v;
}

export function argObject(call: Call, args: readonly JsonValue[], index: number): JsonObject {
  const v = args[index];
  if (!isJsonObject(v)) wrongType(call, index, 'an object', v);
  return v;
}
