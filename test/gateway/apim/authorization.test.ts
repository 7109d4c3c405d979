/** A trigger's `authorization` block as APIM enforces it, including the blocks nothing can meet. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/expressions/values';
import type { CatalogEntry } from '../../../src/functions/workflows/catalog';
import { apimOperations } from '../../../src/gateway/apim/operations';
import { DEFAULT_POLICY_OPTIONS, operationPolicy } from '../../../src/gateway/apim/policies';
import { parsePolicy } from './parse';
import { checkPolicy } from './policy-reference';

const entry = (name: string, authorization: JsonObject | undefined): CatalogEntry => ({
  name,
  file: `${name}.json`,
  definition: {
    triggers: {
      manual: { type: 'Request', kind: 'Http', ...(authorization ? { authorization } : {}) },
      nightly: { type: 'Recurrence', recurrence: { frequency: 'Day', interval: 1 } },
    },
    actions: {},
  },
  parameters: {},
  errors: [],
  warnings: [],
});

const policyOf = (name: string, authorization: JsonObject | undefined): string | undefined => {
  const [operation, ...more] = apimOperations([entry(name, authorization)]);
  expect(more).toEqual([]);
  return operationPolicy(operation!, DEFAULT_POLICY_OPTIONS);
};

describe("a trigger's authorization block in APIM", () => {
  it.each([
    ['no block', undefined],
    ['an empty block', {}],
    ['an empty claims map', { claims: {} }],
  ])('with %s adds no operation policy: a valid token is enough', (_case, authorization) => {
    expect(policyOf('orders', authorization)).toBeUndefined();
  });

  it.each([
    ['roles', { roles: [] }],
    ['scopes', { roles: ['Orders.Write'], scopes: [] }],
    ['a claim', { claims: { tier: [] } }],
  ])(
    'with an empty list of %s refuses every call with 403, as the local gateway does',
    (_case, authorization) => {
      const doc = parsePolicy(policyOf('orders', authorization)!);
      expect(checkPolicy(doc)).toEqual([]);
      const inbound = doc.children.find((c) => c.name === 'inbound')!;
      expect(inbound.children.map((c) => c.name)).toEqual(['base', 'return-response']);
      const status = inbound.children[1]!.children.find((c) => c.name === 'set-status');
      expect(status?.attributes).toEqual({ code: '403', reason: 'Forbidden' });
    },
  );

  it('quotes a workflow name inside a C# string of a policy expression', () => {
    const xml = policyOf('say "hi" \\ bye', { roles: [] })!;
    const body = parsePolicy(xml).children[0]!.children[1]!.children.find((c) => c.name === 'set-body')!;
    expect(body.text).toContain(`"The authorization block of 'say \\"hi\\" \\\\ bye' has an empty list`);
  });

  it.each([
    ['a role that reads as an expression', { roles: ['@(true)'] }],
    ['a claim value that reads as a named value', { claims: { tier: ['{{function-key}}'] } }],
    ['a claim name that reads as an expression', { claims: { '@(context.User)': ['x'] } }],
  ])('refuses %s rather than let APIM evaluate it', (_case, authorization) => {
    expect(() => policyOf('orders', authorization)).toThrow(/would be read by API Management/);
  });
});
