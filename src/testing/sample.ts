/**
 * A small value that satisfies a JSON schema's basic shape: required properties, types, enums,
 * `minItems`, `minLength` and `minimum`. For generated trigger bodies (corpus runs, scaffolding), not a
 * full schema-driven generator: patterns and formats other than date-time are not honoured.
 */
type Schema = Readonly<Record<string, unknown>>;

export function sampleFromSchema(schema: unknown, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > 8) return null;
  const s = schema as Schema;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if ('const' in s) return s.const;
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') as string | undefined) : s.type;
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const required = Array.isArray(s.required) ? (s.required as string[]) : Object.keys(properties);
      return Object.fromEntries(
        required.map((name) => [name, sampleFromSchema(properties[name] ?? {}, depth + 1)]),
      );
    }
    case 'array': {
      const count = typeof s.minItems === 'number' ? Math.max(1, s.minItems) : 1;
      return Array.from({ length: count }, () => sampleFromSchema(s.items ?? {}, depth + 1));
    }
    case 'string':
      if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
      return 'x'.repeat(typeof s.minLength === 'number' ? Math.max(1, s.minLength) : 1);
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? Math.ceil(s.minimum) + (s.exclusiveMinimum === true ? 1 : 0) : 1;
    case 'boolean':
      return true;
    default:
      return s.properties ? sampleFromSchema({ ...s, type: 'object' }, depth) : null;
  }
}
