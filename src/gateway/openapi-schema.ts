/**
 * JSON Schema (as Logic Apps trigger schemas are written, draft-04 style) to an OpenAPI 3.0 Schema
 * Object, which is a close but not identical dialect: no `$schema`/`$id`, `type` is a single name
 * (a `null` in a type list becomes `nullable: true`; other unions become `anyOf`), `const` becomes a
 * one-value `enum`, a numeric `exclusiveMinimum`/`exclusiveMaximum` becomes a bound plus a flag, and `definitions` references are not followed (APIM needs self-contained schemas;
 * such a schema is kept as an open object with a note).
 */
type Schema = Record<string, unknown>;

const DROPPED = new Set(['$schema', '$id', 'id', 'definitions', '$defs', '$comment']);
const NESTED_ONE = new Set(['items', 'not', 'additionalProperties']);
const NESTED_MAP = new Set(['properties', 'patternProperties']);
const NESTED_LIST = new Set(['allOf', 'anyOf', 'oneOf']);

export function toOpenApiSchema(input: unknown): Schema {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {};
  const schema = input as Schema;
  if (typeof schema.$ref === 'string') {
    return { type: 'object', description: `Schema reference '${schema.$ref}' is not inlined.` };
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key === 'patternProperties') continue;
    if (key === 'type') Object.assign(out, typeOf(value));
    else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'number') {
      // Draft 6+ writes the bound itself; OpenAPI 3.0 (draft 4) a bound plus a flag.
      out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
      out[key] = true;
    } else if (key === 'const') out.enum = [value];
    else if (NESTED_ONE.has(key)) out[key] = typeof value === 'boolean' ? value : toOpenApiSchema(value);
    else if (NESTED_MAP.has(key) && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toOpenApiSchema(sub)]));
    } else if (NESTED_LIST.has(key) && Array.isArray(value)) out[key] = value.map(toOpenApiSchema);
    else out[key] = value;
  }
  return out;
}

function typeOf(value: unknown): Schema {
  if (!Array.isArray(value)) return { type: value };
  const types = (value as unknown[]).filter((t) => t !== 'null');
  const nullable = types.length !== value.length ? { nullable: true } : {};
  if (types.length === 1) return { type: types[0], ...nullable };
  return { anyOf: types.map((type) => ({ type })), ...nullable };
}
