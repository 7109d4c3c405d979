/**
 * Deny and allow lists, live: a refused destination sees no connection at all, names are judged on
 * the addresses they resolve to, and every redirect hop and status URL is checked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpCallInput, type HttpOutcome } from '../../../src/connectors/http/index';
import type { EgressPolicy } from '../../../src/connectors/http/egress';
import { type Backend, reply, startBackend } from './servers';

let backend: Backend;
let target: Backend;

beforeAll(async () => {
  backend = await startBackend();
  target = await startBackend();
  target.on('/data', (_req, res) => reply(res, 200, { reached: true }));
  backend.on('/to-metadata', (_req, res) =>
    reply(res, 302, '', { location: 'http://169.254.169.254/latest/' }),
  );
  backend.on('/to-localhost', (_req, res) =>
    reply(res, 302, '', { location: `http://localhost:${target.port}/data` }),
  );
  backend.on('/async', (_req, res) =>
    reply(res, 202, '', { location: `http://localhost:${target.port}/data`, 'retry-after': '0' }),
  );
});
afterAll(async () => {
  await backend.close();
  await target.close();
});

const policy = (lists: { allow?: string[]; deny?: string[] }): EgressPolicy => ({
  deny: [],
  blockMetadata: true,
  ...lists,
});

/** Calls `uri` under `egress` and reports the outcome and how many requests `target` received. */
async function attempt(
  uri: string,
  egress: EgressPolicy,
  input: Partial<HttpCallInput> = {},
): Promise<{ outcome: HttpOutcome; targetHits: number }> {
  const before = target.requests.length;
  const outcome = await executeHttp({ method: 'GET', uri, timeoutMs: 1_000, ...input }, { egress });
  return { outcome, targetHits: target.requests.length - before };
}

const denied = (reason: RegExp): object => ({
  ok: false,
  retryable: false,
  error: { code: 'EgressDenied', message: expect.stringMatching(reason) as string },
});

describe('deny list', () => {
  it.each([
    ['a CIDR covering the address', '127.0.0.0/8', '127.0.0.1'],
    ['a /32 CIDR', '127.0.0.1/32', '127.0.0.1'],
    ['the exact address', '127.0.0.1', '127.0.0.1'],
    ['the host name', 'localhost', 'localhost'],
    ['a CIDR covering the address the name resolves to', '127.0.0.0/8', 'localhost'],
    ['the address the name resolves to', '127.0.0.1', 'localhost'],
    ['a CIDR covering an IPv4-mapped IPv6 literal', '127.0.0.0/8', '[::ffff:127.0.0.1]'],
    ['the IPv4 address of an IPv4-mapped IPv6 literal', '127.0.0.1', '[::ffff:7f00:1]'],
  ])('refuses a destination matched by %s without connecting', async (_label, rule, host) => {
    const { outcome, targetHits } = await attempt(
      `http://${host}:${target.port}/data`,
      policy({ deny: [rule] }),
    );
    expect(outcome).toMatchObject(denied(/deny rule/));
    expect(targetHits).toBe(0);
  });

  it.each([
    ['another address', '10.0.0.0/8', '127.0.0.1'],
    ['another name', 'other.example.com', 'localhost'],
    ['an IPv6 range', '::1/128', '127.0.0.1'],
  ])('reaches a destination when the rule names %s', async (_label, rule, host) => {
    const { outcome, targetHits } = await attempt(
      `http://${host}:${target.port}/data`,
      policy({ deny: [rule] }),
    );
    expect(outcome).toMatchObject({ ok: true, outputs: { body: { reached: true } } });
    expect(targetHits).toBe(1);
  });

  it('checks the resolved address again even when an earlier call left a connection to that host open', async () => {
    const uri = `http://localhost:${target.port}/data`;
    expect((await attempt(uri, policy({}))).targetHits).toBe(1);
    const { outcome, targetHits } = await attempt(uri, policy({ deny: ['127.0.0.0/8'] }));
    expect(outcome).toMatchObject(denied(/deny rule '127\.0\.0\.0\/8'/));
    expect(targetHits).toBe(0);
  });
});

describe('allow list', () => {
  it.each([
    ['the exact address', '127.0.0.1', '127.0.0.1'],
    ['the host name', 'localhost', 'localhost'],
    ['a CIDR covering the address', '127.0.0.0/8', '127.0.0.1'],
    ['a CIDR covering the address the name resolves to', '127.0.0.0/8', 'localhost'],
  ])('reaches a destination admitted by %s', async (_label, rule, host) => {
    const { outcome, targetHits } = await attempt(
      `http://${host}:${target.port}/data`,
      policy({ allow: [rule] }),
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(targetHits).toBe(1);
  });

  it.each([
    ['another address', '10.0.0.1', '127.0.0.1'],
    ['another name', 'api.example.com', 'localhost'],
    ['a CIDR the name does not resolve into', '10.0.0.0/8', 'localhost'],
  ])('refuses a destination when the list only names %s, without connecting', async (_label, rule, host) => {
    const { outcome, targetHits } = await attempt(
      `http://${host}:${target.port}/data`,
      policy({ allow: [rule] }),
    );
    expect(outcome).toMatchObject(denied(/not in the allow list/));
    expect(targetHits).toBe(0);
  });

  it('does not let an allow list admit a metadata endpoint', async () => {
    const { outcome } = await attempt('http://169.254.169.254/', policy({ allow: ['169.254.0.0/16'] }));
    expect(outcome).toMatchObject(denied(/cloud metadata endpoint/));
  });
});

describe('every hop is checked', () => {
  it('refuses a redirect from an allowed server to a metadata endpoint', async () => {
    const before = backend.requests.length;
    const { outcome } = await attempt(`${backend.origin}/to-metadata`, policy({}));
    expect(outcome).toMatchObject(denied(/'169\.254\.169\.254' is a cloud metadata endpoint/));
    expect(backend.requests.length).toBe(before + 1);
  });

  it('refuses a redirect to a denied destination without connecting to it', async () => {
    const { outcome, targetHits } = await attempt(
      `${backend.origin}/to-localhost`,
      policy({ deny: ['localhost'] }),
    );
    expect(outcome).toMatchObject(denied(/deny rule 'localhost'/));
    expect(targetHits).toBe(0);
  });

  it('refuses a 202 status URL on a denied destination without polling it', async () => {
    const { outcome, targetHits } = await attempt(
      `${backend.origin}/async`,
      policy({ deny: ['localhost'] }),
      {
        method: 'POST',
      },
    );
    expect(outcome).toMatchObject(denied(/deny rule 'localhost'/));
    expect(targetHits).toBe(0);
  });

  it('follows the same redirect when the destination is not denied', async () => {
    const { outcome, targetHits } = await attempt(`${backend.origin}/to-localhost`, policy({}));
    expect(outcome).toMatchObject({ ok: true, outputs: { body: { reached: true } } });
    expect(targetHits).toBe(1);
  });
});
