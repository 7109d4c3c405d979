/**
 * Checks that a value is plain JSON data: no functions, no host objects, no object whose prototype
 * was swapped (a `__proto__` key that went through a setter), and that Object.prototype itself is clean.
 */
export function nonPlainPath(value: unknown, path = ''): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = nonPlainPath(item, `${path}/${i}`);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  if (typeof value !== 'object') return `${path || '/'} is a ${typeof value}`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `${path || '/'} has a foreign prototype`;
  for (const [key, item] of Object.entries(value)) {
    const bad = nonPlainPath(item, `${path}/${key}`);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

const PROBES = ['polluted', 'isAdmin', 'injected'] as const;

/** The names a hostile input would try to plant on Object.prototype, if any got there. */
export function prototypePollution(): string[] {
  const empty: Record<string, unknown> = {};
  return PROBES.filter((name) => empty[name] !== undefined || Object.hasOwn(Object.prototype, name));
}
