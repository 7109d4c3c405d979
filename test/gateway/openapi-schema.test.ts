/** Trigger schemas (JSON Schema, draft-04 style) become OpenAPI 3.0 schema objects. */
import { describe, expect, it } from 'vitest';
import { toOpenApiSchema } from '../../src/gateway/openapi-schema';

describe('toOpenApiSchema', () => {
  it.each<[string, unknown, unknown]>([
    ['drops $schema and $id', { $schema: 'x', $id: 'y', type: 'string' }, { type: 'string' }],
    [
      'turns a nullable type list into nullable',
      { type: ['string', 'null'] },
      { type: 'string', nullable: true },
    ],
    [
      'turns other type lists into anyOf',
      { type: ['string', 'number'] },
      { anyOf: [{ type: 'string' }, { type: 'number' }] },
    ],
    [
      'turns draft-6 exclusive bounds into draft-4 ones',
      { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 },
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true },
    ],
    ['turns const into a one-value enum', { const: 'fixed' }, { enum: ['fixed'] }],
    [
      'converts nested properties and items',
      { type: 'object', properties: { tags: { type: 'array', items: { type: ['integer', 'null'] } } } },
      {
        type: 'object',
        properties: { tags: { type: 'array', items: { type: 'integer', nullable: true } } },
      },
    ],
    [
      'keeps a $ref it cannot inline as an open object that says so',
      { $ref: '#/definitions/Order' },
      { type: 'object', description: "Schema reference '#/definitions/Order' is not inlined." },
    ],
    [
      'keeps validation keywords',
      { type: 'string', minLength: 1, pattern: '^a' },
      { type: 'string', minLength: 1, pattern: '^a' },
    ],
    ['treats a non-object as an open schema', 'nope', {}],
  ])('%s', (_case, input, expected) => {
    expect(toOpenApiSchema(input)).toEqual(expected);
  });
});
