/**
 * Mutations of a parsed JSON document at a chosen path: delete a key, change a value's type,
 * plant a `__proto__`/`constructor`/`prototype` key, bury a value under deep nesting, or swap in a
 * huge string. Values are copied, never changed in place.
 */
import fc from 'fast-check';

type Json = unknown;
type Path = readonly (string | number)[];

export function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

/** A copy of `root` with the value at `path` replaced by `change(old)`; `undefined` deletes it. */
function update(root: Json, path: Path, change: (old: Json) => Json): Json {
  const [head, ...rest] = path;
  if (head === undefined) return change(root);
  if (Array.isArray(root)) {
    const copy = [...(root as Json[])];
    const next = update(copy[head as number], rest, change);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy: Record<string, Json> = {};
  for (const [key, item] of Object.entries(root as Record<string, Json>)) {
    const next = key === String(head) ? update(item, rest, change) : item;
    if (next !== undefined) setOwn(copy, key, next);
  }
  return copy;
}

function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

function nest(value: Json, depth: number, asArray: boolean): Json {
  let out = value;
  for (let i = 0; i < depth; i++) out = asArray ? [out] : { a: out };
  return out;
}

export type Mutation =
  | { readonly kind: 'delete' }
  | { readonly kind: 'retype'; readonly value: Json }
  | { readonly kind: 'unsafe-key'; readonly key: string; readonly value: Json }
  | { readonly kind: 'nest'; readonly depth: number; readonly asArray: boolean }
  | { readonly kind: 'huge-string'; readonly length: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'retype' as const, value })),
  fc
    .tuple(fc.constantFrom(...UNSAFE_KEYS), fc.jsonValue({ maxDepth: 1 }))
    .map(([key, value]) => ({ kind: 'unsafe-key' as const, key, value })),
  fc
    .tuple(fc.constantFrom(10, 300, 1000), fc.boolean())
    .map(([depth, asArray]) => ({ kind: 'nest' as const, depth, asArray })),
  fc.constantFrom(1_000_000, 3_000_000).map((length) => ({ kind: 'huge-string' as const, length })),
);

export function applyMutation(root: Json, path: Path, m: Mutation): Json {
  switch (m.kind) {
    case 'delete':
      return update(root, path, () => undefined) ?? null;
    case 'retype':
      return update(root, path, () => m.value);
    case 'unsafe-key':
      return update(root, path, (old) => {
        const target: Record<string, Json> =
          typeof old === 'object' && old !== null && !Array.isArray(old) ? { ...old } : {};
        setOwn(target, m.key, m.value);
        return target;
      });
    case 'nest':
      return update(root, path, (old) => nest(old, m.depth, m.asArray));
    case 'huge-string':
      return update(root, path, () => `@{${'x'.repeat(m.length)}}`);
  }
}

/** JSON text nested `depth` levels deep, built as text (JSON.stringify would overflow the stack). */
export function deepText(depth: number, asArray: boolean): string {
  return asArray
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
