/**
 * Collection functions over strings, arrays and objects. Equality of items is structural
 * (`equality.ts`), as Logic Apps compares JSON values.
 */
import type { Call } from '../ast';
import { isJsonObject, type JsonObject, type JsonValue } from '../values';
import { argArray, argInteger, argString, wrongType } from './args';
import { ensureTextLength } from '../limits';
import { canonicalKey, distinct } from './canonical';
import { deepEqual } from './equality';
import { clampIndex, textOf } from './string';
import { definer } from './define';
import type { FunctionDef } from './types';

const fn = definer('collection');

function stringOrArray(call: Call, args: readonly JsonValue[], index: number): string | JsonValue[] {
  const v = args[index];
  if (typeof v === 'string' || Array.isArray(v)) return v;
  return wrongType(call, index, 'a string or an array', v);
}

function contains(args: readonly JsonValue[], call: Call): boolean {
  const [collection, value = null] = args;
  if (typeof collection === 'string') return collection.includes(textOf(value));
  if (Array.isArray(collection)) return collection.some((item) => deepEqual(item, value));
  if (isJsonObject(collection)) return typeof value === 'string' && Object.hasOwn(collection, value);
  return wrongType(call, 0, 'a string, an array or an object', collection);
}

function empty(args: readonly JsonValue[], call: Call): boolean {
  const [v = null] = args;
  if (v === null) return true;
  if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
  if (isJsonObject(v)) return Object.keys(v).length === 0;
  return wrongType(call, 0, 'a string, an array, an object or null', v);
}

function setOperation(args: readonly JsonValue[], call: Call, kind: 'union' | 'intersection'): JsonValue {
  if (args.every(Array.isArray)) {
    const arrays = args as JsonValue[][];
    if (kind === 'union') return distinct(arrays.flat());
    const [first = [], ...rest] = arrays;
    const others = rest.map((a) => new Set(a.map(canonicalKey)));
    return distinct(first.filter((item) => others.every((keys) => keys.has(canonicalKey(item)))));
  }
  if (args.every(isJsonObject)) {
    const objects = args as JsonObject[];
    // Object.fromEntries defines own properties, so a `__proto__` key stays data; Object.assign
    // or `result[key] = value` would call the prototype setter instead.
    if (kind === 'union') return Object.fromEntries(objects.flatMap((o) => Object.entries(o)));
    const [first = {}, ...rest] = objects;
    return Object.fromEntries(
      Object.entries(first).filter(([key, value]) =>
        rest.every((o) => Object.hasOwn(o, key) && deepEqual(o[key] ?? null, value)),
      ),
    );
  }
  const bad = args.findIndex((a) => !(Array.isArray(args[0]) ? Array.isArray(a) : isJsonObject(a)));
  return wrongType(
    call,
    Math.max(bad, 0),
    Array.isArray(args[0]) ? 'an array like the first' : 'an object like the first',
    args[bad],
  );
}

function sortItems(args: readonly JsonValue[], call: Call): JsonValue[] {
  const items = [...argArray(call, args, 0)];
  const key = args.length > 1 ? argString(call, args, 1) : undefined;
  const pick = (v: JsonValue): JsonValue => (key !== undefined && isJsonObject(v) ? (v[key] ?? null) : v);
  return items.sort((a, b) => {
    const x = pick(a);
    const y = pick(b);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return textOf(x) < textOf(y) ? -1 : textOf(x) > textOf(y) ? 1 : 0;
  });
}

export const collectionFunctions: readonly FunctionDef[] = [
  fn('contains', 2, 2, 'True when a string has a substring, an array an item, or an object a key.', contains),
  fn('empty', 1, 1, 'True when a string, array or object is empty (or the value is null).', empty),
  fn('first', 1, 1, 'The first character or item.', (a, c) => {
    const v = stringOrArray(c, a, 0);
    return typeof v === 'string' ? v.slice(0, 1) : (v[0] ?? null);
  }),
  fn('last', 1, 1, 'The last character or item.', (a, c) => {
    const v = stringOrArray(c, a, 0);
    return typeof v === 'string' ? v.slice(-1) : (v.at(-1) ?? null);
  }),
  fn('length', 1, 1, 'The number of characters or items.', (a, c) => stringOrArray(c, a, 0).length),
  fn('join', 2, 2, 'Joins the items of an array with a delimiter.', (a, c) => {
    const items = argArray(c, a, 0).map(textOf);
    const delimiter = argString(c, a, 1);
    const length = items.reduce((sum, item) => sum + item.length, 0);
    ensureTextLength(c, length + Math.max(items.length - 1, 0) * delimiter.length);
    return items.join(delimiter);
  }),
  fn('reverse', 1, 1, 'The items of an array in reverse order.', (a, c) => [...argArray(c, a, 0)].reverse()),
  fn('skip', 2, 2, 'The items after the first count items.', (a, c) =>
    argArray(c, a, 0).slice(Math.max(argInteger(c, a, 1), 0)),
  ),
  fn('take', 2, 2, 'The first count characters or items.', (a, c) =>
    stringOrArray(c, a, 0).slice(0, Math.max(argInteger(c, a, 1), 0)),
  ),
  fn('sort', 1, 2, 'Sorts an array, optionally by an object key.', sortItems),
  fn('union', 1, Infinity, 'Every distinct item of the arrays, or every key of the objects.', (a, c) =>
    setOperation(a, c, 'union'),
  ),
  fn('intersection', 1, Infinity, 'The items or keys that every collection has.', (a, c) =>
    setOperation(a, c, 'intersection'),
  ),
  fn('chunk', 2, 2, 'Splits a string or array into pieces of a given length.', (a, c) => {
    const v = stringOrArray(c, a, 0);
    const size = argInteger(c, a, 1);
    if (size < 1) return wrongType(c, 1, 'a positive integer', size);
    const chunks: JsonValue[] = [];
    for (let i = 0; i < v.length; i += size) chunks.push(v.slice(i, i + size));
    return chunks;
  }),
  fn('slice', 2, 3, 'The part of a string or array between a start and an optional end index.', (a, c) => {
    const v = stringOrArray(c, a, 0);
    const start = clampIndex(argInteger(c, a, 1), v.length);
    const end = a.length > 2 ? clampIndex(argInteger(c, a, 2), v.length) : v.length;
    return end <= start ? v.slice(0, 0) : v.slice(start, end);
  }),
];
