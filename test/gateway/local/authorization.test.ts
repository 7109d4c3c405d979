/**
 * What a valid token may reach: a trigger's `authorization` block (roles, scopes, claims) for trigger
 * calls, the admin role for run management, the Durable webhooks and the host admin API; the health
 * probe and the local issuer's documents stay open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, invokePath, PROBLEM, rawCall, startHarness } from './helpers';

describe('authorization through the local gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it.each([
    ['orders', 'a listed role', 200, { roles: ['Orders.Submit'] }],
    ['orders', 'a role given as a single string', 200, { roles: 'Orders.Admin' }],
    ['orders', 'only an unlisted role', 403, { roles: ['Reports.Read'] }],
    ['orders', 'the listed role as a scope instead', 403, { scp: 'Orders.Submit' }],
    [
      'reports',
      'the scope and an allowed department',
      200,
      { scp: 'Other Reports.Read', department: 'audit' },
    ],
    ['reports', 'the scope but no department claim', 403, { scp: 'Reports.Read' }],
    ['reports', 'the scope and another department', 403, { scp: 'Reports.Read', department: 'sales' }],
    ['reports', 'an allowed department but no scope', 403, { department: 'finance' }],
    [
      'sealed',
      'every role (an empty list is never met)',
      403,
      { roles: ['Orders.Submit', 'Flowline.Admin'] },
    ],
    ['open', 'no roles at all (no authorization block)', 200, {}],
  ])('a call to %s with %s answers %i', async (workflow, _description, status, claims) => {
    const response = await h.call(invokePath(workflow), {
      token: await h.token(claims),
      body: '{"id":"B-7"}',
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toStrictEqual(status === 200 ? { workflow, id: 'B-7' } : PROBLEM.forbidden);
  });

  it.each([
    ['upper-case names', '/api/workflows/ORDERS/triggers/MANUAL/invoke', 403],
    ['a percent-encoded name', '/api/workflows/%6Frders/triggers/manual/invoke', 403],
    ['a trailing slash', '/api/workflows/orders/triggers/manual/invoke/', 403],
    ['dot segments', '/api/workflows/open/../orders/triggers/manual/invoke', 403],
    ['encoded dot segments', '/api/workflows/open/%2e%2e/orders/triggers/manual/invoke', 403],
    // `//api/...` is a network-path reference: gateway and host both read the path as `/workflows/...`.
    ['a doubled leading slash', '//api/workflows/orders/triggers/manual/invoke', 404],
  ])(
    'never lets a token without the role reach orders through a URL with %s: %s answers %i',
    async (_spelling, path, status) => {
      const token = await h.token({ roles: ['Reports.Read'] });
      const response = await rawCall(h.origin, path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(status);
    },
  );

  it.each([
    ['GET', '/api/workflows', 200],
    ['GET', '/api/workflows/orders/runs', 200],
    ['POST', '/api/workflows/orders/runs/no-such-run/cancel', 404],
    ['POST', '/api/workflows/orders/runs/no-such-run/resubmit', 404],
    ['GET', '/runtime/webhooks/durabletask/instances', 200],
    ['GET', '/admin/host/status', 200],
  ])('%s %s needs the admin role: 403 without it, %i with it', async (method, path, status) => {
    const init = { method, ...(method === 'POST' ? { body: '{}' } : {}) };
    const without = await h.call(path, { ...init, token: await h.token({ roles: ['Orders.Submit'] }) });
    expect(without.status).toBe(403);
    expect(await without.json()).toStrictEqual(PROBLEM.forbidden);
    const admin = await h.call(path, { ...init, token: await h.token({ roles: ['Flowline.Admin'] }) });
    expect(admin.status).toBe(status);
  });

  it('lets an admin read the run a trigger call started, at the URL the app built for the gateway', async () => {
    const started = await h.call(invokePath('open'), { token: await h.token(), body: '{"id":"C-1"}' });
    const runId = started.headers.get('x-flowline-run-id') ?? '';
    const run = await h.call(`/api/workflows/open/runs/${runId}`, {
      token: await h.token({ roles: ['Flowline.Admin'] }),
    });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ id: runId, response: { statusCode: 200 } });
  });

  it('passes other routes to the host for any valid token, and refuses them without one', async () => {
    expect((await h.call('/api/no-such-function', { token: await h.token() })).status).toBe(404);
    expect((await h.call('/api/no-such-function')).status).toBe(401);
  });

  it('keeps the health probe open', async () => {
    const response = await h.call('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'healthy' });
  });

  it('serves the development issuer discovery document naming its own JWKS', async () => {
    const response = await h.call('/.flowline/issuer/.well-known/openid-configuration');
    expect(await response.json()).toMatchObject({
      issuer: `${h.origin}/.flowline/issuer`,
      jwks_uri: `${h.origin}/.flowline/issuer/jwks`,
    });
  });

  it('publishes public keys only in the JWKS', async () => {
    const jwks = (await (await h.call('/.flowline/issuer/jwks')).json()) as { keys: object[] };
    expect(jwks.keys).toHaveLength(1);
    expect(Object.keys(jwks.keys[0] ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  });
});
