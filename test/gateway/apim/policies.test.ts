/** `flowline apim` policies: documented elements and attributes only, and the behaviour the API needs. */
import { beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_RESPONSE_HEADERS } from '../../../src/gateway/apim/policies';
import { artifacts, file, fixtureEntries, VARIANTS } from './artifacts';
import { type Node, parsePolicy } from './parse';
import { checkPolicy } from './policy-reference';

const named = (node: Node, name: string): Node[] => node.children.filter((c) => c.name === name);
const only = (node: Node, name: string): Node => {
  const [found, ...more] = named(node, name);
  if (found === undefined || more.length > 0) throw new Error(`expected one <${name}> in <${node.name}>`);
  return found;
};

describe('the generated API Management policies', () => {
  const documents: [string, string, string][] = [];
  let api: Node;
  let manual: Node;
  beforeAll(async () => {
    for (const [variant, options] of Object.entries(VARIANTS)) {
      for (const f of await artifacts(options)) {
        if (f.path.endsWith('.xml')) documents.push([variant, f.path, f.content]);
      }
    }
    const files = await artifacts(VARIANTS['validate-azure-ad-token with named values']!);
    api = parsePolicy(file(files, 'policies/api.xml'));
    manual = parsePolicy(file(files, 'policies/orderIntake_manual.xml'));
  });

  it('are generated for the API and for each trigger with an authorization block, in every variant', () => {
    const paths = [...new Set(documents.map(([, path]) => path))].sort();
    expect(paths).toEqual([
      'policies/api.xml',
      'policies/orderBulk_bulk.xml',
      'policies/orderIntake_manual.xml',
    ]);
    expect(documents).toHaveLength(3 * Object.keys(VARIANTS).length);
  });

  it('use only documented elements and attributes, in documented sections and order', () => {
    for (const [variant, path, xml] of documents) {
      expect({ variant, path, problems: checkPolicy(parsePolicy(xml)) }).toEqual({
        variant,
        path,
        problems: [],
      });
    }
  });

  it('check the token, limit the rate, drop the token and call the Function App with its key, in that order', () => {
    const inbound = only(api, 'inbound');
    expect(inbound.children.map((c) => c.name)).toEqual([
      'cors',
      'base',
      'validate-azure-ad-token',
      'rate-limit-by-key',
      'set-header',
      'set-backend-service',
      'set-header',
    ]);
    const [, , token, rate, drop, backend, key] = inbound.children;
    expect(token?.attributes).toMatchObject({
      'tenant-id': '{{entra-tenant-id}}',
      'failed-validation-httpcode': '401',
    });
    expect(rate?.attributes).toMatchObject({ calls: '100', 'renewal-period': '60' });
    expect(rate?.attributes['counter-key']).toBe(
      '@(context.Variables.GetValueOrDefault<Jwt>("jwt", null)?.Subject ?? context.Request.IpAddress)',
    );
    expect(drop?.attributes).toEqual({ name: 'Authorization', 'exists-action': 'delete' });
    expect(backend?.attributes).toEqual({ 'base-url': '{{function-app-url}}' });
    expect(key?.attributes).toEqual({ name: 'x-functions-key', 'exists-action': 'override' });
    expect(only(key!, 'value').text).toBe('{{function-key}}');
  });

  it.each([
    ['roles', 'roles', undefined, ['Orders.Write', 'Orders.Admin']],
    ['scopes', 'scp', ' ', ['orders.write']],
    ['claims.ctry', 'ctry', undefined, ['US']],
    ['claims.tier', 'tier', undefined, ['gold', 'a&b<"c">']],
  ])('turn authorization.%s into the required claim %s (any value)', (_from, claim, separator, values) => {
    const token = only(only(manual, 'inbound'), 'validate-azure-ad-token');
    const claims = named(only(token, 'required-claims'), 'claim');
    const found = claims.find((c) => c.attributes['name'] === claim);
    expect(found?.attributes).toEqual({ name: claim, match: 'any', ...(separator ? { separator } : {}) });
    expect(named(found!, 'value').map((v) => v.text)).toEqual(values);
    expect(claims.map((c) => c.attributes['name'])).toEqual(['roles', 'scp', 'ctry', 'tier']);
  });

  it('answer a token without the required claims with 403, after the API-level checks', () => {
    const inbound = only(manual, 'inbound');
    expect(inbound.children.map((c) => c.name)).toEqual(['base', 'validate-azure-ad-token']);
    expect(inbound.children[1]?.attributes['failed-validation-httpcode']).toBe('403');
  });

  it('with validate-jwt, trust the tenant OpenID metadata and its v1 and v2 issuers', async () => {
    const doc = parsePolicy(file(await artifacts(VARIANTS['validate-jwt']!), 'policies/api.xml'));
    const jwt = only(only(doc, 'inbound'), 'validate-jwt');
    expect(jwt.attributes).toMatchObject({ 'header-name': 'Authorization', 'require-scheme': 'Bearer' });
    expect(only(jwt, 'openid-config').attributes['url']).toBe(
      'https://login.microsoftonline.com/{{entra-tenant-id}}/v2.0/.well-known/openid-configuration',
    );
    expect(named(only(jwt, 'issuers'), 'issuer').map((i) => i.text)).toEqual([
      'https://login.microsoftonline.com/{{entra-tenant-id}}/v2.0',
      'https://sts.windows.net/{{entra-tenant-id}}/',
    ]);
  });

  it("allow the triggers' methods across origins and expose the run id and polling headers", () => {
    const cors = only(only(api, 'inbound'), 'cors');
    expect(named(only(cors, 'allowed-methods'), 'method').map((m) => m.text)).toEqual(['GET', 'POST', 'PUT']);
    expect(named(only(cors, 'allowed-origins'), 'origin').map((o) => o.text)).toEqual(['{{cors-origin}}']);
    expect(named(only(cors, 'expose-headers'), 'header').map((h) => h.text)).toEqual([
      'location',
      'retry-after',
      'x-flowline-run-id',
    ]);
    // A browser may send its token, an Idempotency-Key for safe retries and its trace context.
    expect(named(only(cors, 'allowed-headers'), 'header').map((h) => h.text)).toEqual([
      'authorization',
      'content-type',
      'idempotency-key',
      'traceparent',
    ]);
  });

  it("remove the platform's headers from responses and keep the API's own", () => {
    const removed = named(only(api, 'outbound'), 'set-header').map((h) => [
      h.attributes['name'],
      h.attributes['exists-action'],
    ]);
    expect(removed).toEqual(INTERNAL_RESPONSE_HEADERS.map((h) => [h, 'delete']));
    expect(removed.flat()).not.toContain('x-flowline-run-id');
  });

  it.each([
    [
      '403',
      'Forbidden',
      'context.LastError.Source.StartsWith("validate-") && context.LastError.Scope == "operation"',
    ],
    ['401', 'Unauthorized', 'context.LastError.Source.StartsWith("validate-")'],
    ['429', 'Too Many Requests', 'context.LastError.Reason == "RateLimitExceeded"'],
    ['502', 'Bad Gateway', 'context.LastError.Reason == "BackendConnectionFailure"'],
    ['504', 'Gateway Timeout', 'context.LastError.Reason == "Timeout"'],
    ['500', 'Internal Server Error', undefined],
  ])('answer an error with status %s (%s) as problem details', (code, reason, condition) => {
    const choose = only(only(api, 'on-error'), 'choose');
    const branch = choose.children.find((c) =>
      condition === undefined ? c.name === 'otherwise' : c.attributes['condition'] === `@(${condition})`,
    );
    const response = only(branch!, 'return-response');
    expect(only(response, 'set-status').attributes).toEqual({ code, reason });
    const type = named(response, 'set-header').find((h) => h.attributes['name'] === 'Content-Type');
    expect(only(type!, 'value').text).toBe('application/problem+json');
    expect(only(response, 'set-body').text).toContain(`new JProperty("status", ${code})`);
  });

  it('escape attribute values and text so they read back exactly', async () => {
    const files = await artifacts(VARIANTS['literal client ids and origins']!);
    const doc = parsePolicy(file(files, 'policies/api.xml'));
    const origins = named(only(only(only(doc, 'inbound'), 'cors'), 'allowed-origins'), 'origin');
    expect(origins.map((o) => o.text)).toEqual(['https://app.contoso.com', 'https://a.example/?x="1"&y<2>']);
    expect(file(files, 'policies/api.xml')).toContain('&amp;y&lt;2&gt;');
  });

  it('are the same byte for byte whatever order the workflows are listed in', async () => {
    const options = VARIANTS['validate-azure-ad-token with named values']!;
    const entries = await fixtureEntries();
    expect(await artifacts(options, [...entries].reverse())).toEqual(await artifacts(options, entries));
  });
});
