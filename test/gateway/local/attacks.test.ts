/**
 * The attack table (attacks.ts) against the real gateway in front of the real host: every forged,
 * stale or misplaced token is refused with 401/403 and a fixed problem body that echoes nothing, and
 * never reaches a function. Valid tokens pass and get the workflow's own Response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACKS } from './attacks';
import { type Harness, invokePath, startHarness } from './helpers';

const seconds = (offset: number): number => Math.floor(Date.now() / 1000) + offset;

describe('the local gateway under attack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it.each(ATTACKS)('refuses %s with %i and a bare problem body', async (_name, status, problem, forge) => {
    const { path, authorization } = await forge(h);
    const before = h.invocations();
    const response = await h.call(path ?? invokePath('orders'), {
      body: '{"id":"A-1"}',
      ...(authorization === undefined ? {} : { headers: { authorization } }),
    });
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(text)).toStrictEqual(problem);
    expect(text).not.toContain(h.issuer.activeKid);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(h.invocations()).toBe(before);
  });

  it.each([
    ['holds one of the roles', 'orders', { roles: ['Orders.Submit'] }],
    ['holds the other role the trigger lists', 'orders', { roles: ['Reports.Read', 'Orders.Admin'] }],
    ['calls a trigger without an authorization block', 'open', {}],
    ['expired 30 s ago, inside the 60 s clock skew', 'open', { exp: seconds(-30) }],
    ['becomes valid in 30 s, inside the 60 s clock skew', 'open', { nbf: seconds(30) }],
  ])('lets a valid token that %s reach the workflow', async (_name, workflow, claims) => {
    const response = await h.call(invokePath(workflow), {
      token: await h.token(claims),
      body: '{"id":"A-1"}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual({ workflow, id: 'A-1' });
  });

  it('logs why a token was refused, never the token itself', async () => {
    const token = await h.token({ exp: seconds(-3600) });
    await h.call(invokePath('open'), { token, body: '{}' });
    expect(h.logs.at(-1)).toBe('401 POST /api/workflows/open/triggers/manual/invoke: ERR_JWT_EXPIRED');
    expect(h.logs.join('\n')).not.toContain(token.split('.')[2]);
  });
});
