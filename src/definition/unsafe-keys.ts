import type { Node } from 'jsonc-parser';
import type { JsonPath } from './diagnostic';

/** Path of the first `__proto__`, `constructor` or `prototype` key, if any. */
export function findUnsafeKey(node: Node, path: (string | number)[] = []): JsonPath | undefined {
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, child] = property.children ?? [];
      const name = String(key?.value);
      if (name === '__proto__' || name === 'constructor' || name === 'prototype') return [...path, name];
      const found = child === undefined ? undefined : findUnsafeKey(child, [...path, name]);
      if (found !== undefined) return found;
    }
  } else if (node.type === 'array') {
    for (const [i, child] of (node.children ?? []).entries()) {
      const found = findUnsafeKey(child, [...path, i]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
