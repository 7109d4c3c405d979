/**
 * An OIDC authority on its own loopback port (FLOWLINE_GATEWAY_AUTHORITY): the gateway reads its
 * discovery document, caches its JWKS, picks up a rotated key by fetching the JWKS again when a token
 * names an unknown kid, and stops trusting a removed key. An authority that cannot be reached makes
 * the gateway answer 503, never 401 or 500.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevIssuer } from '../../../src/gateway/local/devIssuer';
import { serveIssuer } from '../../../src/gateway/local/issuerRoutes';
import { type Harness, invokePath, PROBLEM, startHarness, validClaims } from './helpers';

const AUDIENCE = 'api://orders';

interface Authority {
  readonly url: string;
  readonly issuer: DevIssuer;
  readonly fetches: string[];
  close(): Promise<void>;
}

async function startAuthority(dir: string): Promise<Authority> {
  const issuer = await DevIssuer.open(dir);
  const fetches: string[] = [];
  let url = '';
  const server: Server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://authority.invalid');
    fetches.push(pathname);
    if (!serveIssuer(issuer, url, req.method ?? 'GET', pathname, res)) res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://localhost:${(server.address() as AddressInfo).port}/.flowline/issuer`;
  return { url, issuer, fetches, close: () => new Promise((done) => server.close(() => done())) };
}

describe('an external authority behind the local gateway', () => {
  let dir: string;
  let authority: Authority;
  let h: Harness;
  const sign = (kid?: string): Promise<string> =>
    authority.issuer.sign({ ...validClaims(authority.url, AUDIENCE), roles: ['Orders.Submit'] }, kid);
  const settings = (url: string): Record<string, string> => ({
    FLOWLINE_GATEWAY_AUTHORITY: url,
    FLOWLINE_GATEWAY_AUDIENCE: AUDIENCE,
  });
  const invoke = async (token: string): Promise<Response> =>
    h.call(invokePath('orders'), { token, body: '{"id":"R-1"}' });
  const jwksFetches = (): number => authority.fetches.filter((p) => p.endsWith('/jwks')).length;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowline-authority-'));
    authority = await startAuthority(dir);
    h = await startHarness(settings(authority.url), authority);
  });
  afterAll(async () => {
    await h.stop();
    await authority.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads discovery once and fetches the JWKS once for many valid tokens', async () => {
    for (let i = 0; i < 3; i++) expect((await invoke(await sign())).status).toBe(200);
    expect(authority.fetches).toEqual([
      '/.flowline/issuer/.well-known/openid-configuration',
      '/.flowline/issuer/jwks',
    ]);
  });

  it('does not serve the development issuer when an authority is set', async () => {
    expect((await h.call('/.flowline/issuer/jwks')).status).toBe(401);
  });

  it('accepts a token signed with a rotated-in key after one JWKS refetch, and refuses the removed key', async () => {
    const oldKid = authority.issuer.activeKid;
    const signedWithOldKey = await sign(oldKid);
    const before = jwksFetches();
    const newKid = await authority.issuer.rotate({ retire: true });
    expect(newKid).not.toBe(oldKid);
    expect((await invoke(await sign())).status).toBe(200);
    expect(jwksFetches()).toBe(before + 1);
    const refused = await invoke(signedWithOldKey);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toStrictEqual(PROBLEM.invalidToken);
  });

  it('keeps trusting the previous key while the issuer still publishes it', async () => {
    const previous = authority.issuer.activeKid;
    await authority.issuer.rotate({ retire: false });
    expect((await invoke(await sign())).status).toBe(200);
    expect((await invoke(await sign(previous))).status).toBe(200);
  });

  it('answers 503 with a bare problem when the authority cannot be reached', async () => {
    const unreachable = await startHarness(settings('http://127.0.0.1:9/.flowline/issuer'), authority);
    try {
      const response = await unreachable.call(invokePath('orders'), { token: await sign(), body: '{}' });
      expect(response.status).toBe(503);
      expect(await response.json()).toStrictEqual(PROBLEM.unavailable);
    } finally {
      await unreachable.stop();
    }
  });
});
