/**
 * Partial deep matching for JSON test expectations: every key the expectation names must match
 * (objects may have more keys), arrays match element by element with the same length, other values
 * must be equal. Returns the first divergence as a path and the two values, or undefined.
 */
export interface Divergence {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export function firstDivergence(expected: unknown, actual: unknown, path = ''): Divergence | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return { path, expected, actual };
    for (const [i, item] of expected.entries()) {
      const found = firstDivergence(item, actual[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
      return { path, expected, actual };
    for (const [key, value] of Object.entries(expected)) {
      const found = firstDivergence(
        value,
        (actual as Record<string, unknown>)[key],
        path === '' ? key : `${path}.${key}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : { path, expected, actual };
}
