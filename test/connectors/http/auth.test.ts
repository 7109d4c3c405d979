/** Basic and Raw authentication: the Authorization header sent, and secrets kept out of outcomes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpCallInput } from '../../../src/connectors/http/index';
import type { EgressPolicy } from '../../../src/connectors/http/egress';
import { type Backend, closedPort, DEFAULT_EGRESS, reply, startBackend } from './servers';

const PASSWORD = 'S3cr3t-pässw0rd:with-colon';
const RAW_TOKEN = 'Bearer raw-token-9f8e7d6c5b4a';
const BASIC = { type: 'Basic', username: 'svc-user', password: PASSWORD };
const BASIC_TOKEN = Buffer.from(`svc-user:${PASSWORD}`, 'utf8').toString('base64');

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend();
  backend.on('/ok', (_req, res) => reply(res, 200, { fine: true }));
  backend.on('/401', (_req, res) =>
    reply(res, 401, { error: 'bad credentials' }, { 'www-authenticate': 'Basic' }),
  );
  backend.on('/500', (_req, res) => reply(res, 500, 'boom'));
  backend.on('/silent', () => undefined);
  backend.on('/loop', (_req, res) => reply(res, 302, '', { location: '/loop' }));
});
afterAll(() => backend.close());

async function authorizationSent(authentication: Record<string, unknown>, headers = {}): Promise<unknown> {
  const before = backend.requests.length;
  const outcome = await executeHttp(
    { method: 'GET', uri: `${backend.origin}/ok`, authentication, headers },
    { egress: DEFAULT_EGRESS },
  );
  expect(outcome.ok).toBe(true);
  expect(backend.requests).toHaveLength(before + 1);
  return backend.requests[before]?.headers.authorization;
}

describe('authentication', () => {
  it.each([
    ['Basic', BASIC, `Basic ${BASIC_TOKEN}`],
    ['basic (any case)', { ...BASIC, type: 'basic' }, `Basic ${BASIC_TOKEN}`],
    [
      'Basic without a password',
      { type: 'Basic', username: 'u' },
      `Basic ${Buffer.from('u:').toString('base64')}`,
    ],
    ['Raw', { type: 'Raw', value: RAW_TOKEN }, RAW_TOKEN],
    ['RAW (any case)', { type: 'RAW', value: 'SharedKey acct:sig' }, 'SharedKey acct:sig'],
  ])('%s sends the expected Authorization header', async (_label, authentication, expected) => {
    expect(await authorizationSent(authentication)).toBe(expected);
  });

  it('encodes Basic credentials as UTF-8 before base64', async () => {
    const header = String(await authorizationSent(BASIC));
    expect(Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe(
      `svc-user:${PASSWORD}`,
    );
  });

  it("type None sends no Authorization header and keeps the author's own", async () => {
    expect(await authorizationSent({ type: 'None' })).toBeUndefined();
    expect(await authorizationSent({ type: 'None' }, { Authorization: 'Token mine' })).toBe('Token mine');
  });

  it('replaces an Authorization header the author also set', async () => {
    expect(await authorizationSent({ type: 'Raw', value: RAW_TOKEN }, { authorization: 'Token old' })).toBe(
      RAW_TOKEN,
    );
  });

  it.each(['ManagedServiceIdentity', 'ActiveDirectoryOAuth', 'ClientCertificate'])(
    'refuses %s without the fields it needs as a terminal InvalidRequest, sending nothing and echoing no secret',
    async (type) => {
      const before = backend.requests.length;
      const outcome = await executeHttp(
        { method: 'GET', uri: `${backend.origin}/ok`, authentication: { type, secret: PASSWORD } },
        { egress: DEFAULT_EGRESS },
      );
      expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidRequest' } });
      expect(!outcome.ok && outcome.error.message).toContain(type);
      expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
      expect(backend.requests.length).toBe(before);
    },
  );
});

describe('credentials never appear in the outcome', () => {
  const DENY_ALL: EgressPolicy = { deny: ['0.0.0.0/0'], blockMetadata: true };
  type Target = Pick<HttpCallInput, 'uri'> & Partial<HttpCallInput>;
  const cases: [string, () => Promise<Target>, EgressPolicy, string][] = [
    ['a success', () => Promise.resolve({ uri: `${backend.origin}/ok` }), DEFAULT_EGRESS, 'ok'],
    ['a 401', () => Promise.resolve({ uri: `${backend.origin}/401` }), DEFAULT_EGRESS, 'Unauthorized'],
    ['a 500', () => Promise.resolve({ uri: `${backend.origin}/500` }), DEFAULT_EGRESS, 'InternalServerError'],
    [
      'a redirect loop',
      () => Promise.resolve({ method: 'GET', uri: `${backend.origin}/loop` }),
      DEFAULT_EGRESS,
      'Found',
    ],
    [
      'a refused connection',
      async () => ({ uri: `http://127.0.0.1:${await closedPort()}/` }),
      DEFAULT_EGRESS,
      'ConnectionFailed',
    ],
    [
      'a timeout',
      () => Promise.resolve({ uri: `${backend.origin}/silent`, timeoutMs: 150 }),
      DEFAULT_EGRESS,
      'RequestTimeout',
    ],
    ['an egress denial', () => Promise.resolve({ uri: `${backend.origin}/ok` }), DENY_ALL, 'EgressDenied'],
  ];

  it.each(cases)('after %s', async (_label, target, egress, code) => {
    for (const authentication of [BASIC, { type: 'Raw', value: RAW_TOKEN }]) {
      const outcome = await executeHttp(
        { method: 'POST', body: { x: 1 }, authentication, ...(await target()) },
        {
          egress,
        },
      );
      expect(outcome.ok ? 'ok' : outcome.error.code).toBe(code);
      const serialized = JSON.stringify(outcome);
      for (const secret of [PASSWORD, BASIC_TOKEN, RAW_TOKEN, 'raw-token-9f8e7d6c5b4a']) {
        expect(serialized).not.toContain(secret);
      }
    }
  });
});
