/**
 * ActiveDirectoryOAuth through @azure/identity against a real token endpoint on loopback HTTPS (the
 * WDL `authority` points at it; its test CA is trusted through the connector's `ca` option, which
 * reaches the SDK as `tlsOptions`), and a real backend that records the bearer token it receives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpOutcome } from '../../../src/connectors/http/index';
import { makeCertificates, PFX_PASSWORD, type TestCertificates } from './certs';
import { type Backend, closedPort, DEFAULT_EGRESS, reply, startBackend } from './servers';
import { startTokenServer, type TokenServer } from './tls-servers';

const SECRET = 'entra-client-secret~Xy9.never-shown';
let certs: TestCertificates;
let tokens: TokenServer;
let backend: Backend;
let refusedPort: number;

beforeAll(async () => {
  certs = makeCertificates();
  tokens = await startTokenServer(certs);
  tokens.register('secret-app', { secret: SECRET });
  tokens.register('cert-app', { cert: certs.client.cert });
  backend = await startBackend();
  backend.on('/api', (_req, res) => reply(res, 200, { fine: true }));
  refusedPort = await closedPort();
});
afterAll(async () => {
  await tokens.close();
  await backend.close();
});

const oauth = (fields: Record<string, unknown>): Record<string, unknown> => ({
  type: 'ActiveDirectoryOAuth',
  authority: tokens.origin,
  tenant: 'contoso-tenant',
  audience: 'api://orders',
  ...fields,
});

async function call(authentication: Record<string, unknown>, ca = [certs.ca]): Promise<HttpOutcome> {
  return executeHttp(
    { method: 'GET', uri: `${backend.origin}/api`, authentication },
    { egress: DEFAULT_EGRESS, ca },
  );
}

const lastAuthorization = (): unknown => backend.requestsTo('/api').at(-1)?.headers.authorization;

describe('ActiveDirectoryOAuth', () => {
  it('gets a token with the client secret for <audience>/.default and sends it as a bearer token', async () => {
    const before = tokens.tokenRequests.length;
    expect(await call(oauth({ clientId: 'secret-app', secret: SECRET }))).toMatchObject({ ok: true });
    const request = tokens.tokenRequests[before];
    expect(request?.tenant).toBe('contoso-tenant');
    expect(request?.form.get('grant_type')).toBe('client_credentials');
    expect(request?.form.get('scope')).toBe('api://orders/.default');
    expect(lastAuthorization()).toMatch(/^Bearer at-secret-app-\d+$/);
  });

  it('reuses the cached token for the same configuration instead of asking again', async () => {
    const auth = oauth({ clientId: 'secret-app', secret: SECRET, audience: 'api://cached' });
    await call(auth);
    const first = lastAuthorization();
    const asked = tokens.tokenRequests.length;
    expect(await call(auth)).toMatchObject({ ok: true });
    expect(tokens.tokenRequests.length).toBe(asked);
    expect(lastAuthorization()).toBe(first);
  });

  it('keeps a scope that already ends in /.default', async () => {
    const before = tokens.tokenRequests.length;
    await call(
      oauth({ clientId: 'secret-app', secret: SECRET, audience: 'https://vault.azure.net/.default' }),
    );
    expect(tokens.tokenRequests[before]?.form.get('scope')).toBe('https://vault.azure.net/.default');
  });

  it.each([
    ['a PFX', () => ({ pfx: certs.client.pfx, password: PFX_PASSWORD })],
    ['PEM certificate and key', () => ({ pem: certs.client.cert, key: certs.client.key })],
  ])('signs the client assertion with %s, which the token endpoint verifies', async (_label, fields) => {
    const before = tokens.tokenRequests.length;
    const outcome = await call(
      oauth({ clientId: 'cert-app', audience: `api://cert-${_label}`, ...fields() }),
    );
    expect(outcome).toMatchObject({ ok: true });
    const form = tokens.tokenRequests[before]?.form;
    expect(form?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(form?.get('client_secret')).toBeNull();
    expect(lastAuthorization()).toMatch(/^Bearer at-cert-app-\d+$/);
  });

  it('is refused by the token endpoint when signed with a certificate the app does not have', async () => {
    const outcome = await call(oauth({ clientId: 'cert-app', pfx: certs.rogue.pfx, password: PFX_PASSWORD }));
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'AuthenticationFailed' } });
  });
});

describe('ActiveDirectoryOAuth failures', () => {
  /** [what happens, retryable, fields of the authentication, message]. */
  const cases: [string, boolean, () => Record<string, unknown>, RegExp][] = [
    [
      'a wrong secret (401 invalid_client)',
      false,
      () => ({ clientId: 'secret-app', secret: 'wrong-secret-value' }),
      /answered 401: invalid_client: AADSTS7000215: Invalid client secret provided\.$/,
    ],
    [
      'a busy token endpoint (503)',
      true,
      () => ({ clientId: 'busy-app' }),
      /answered 503: temporarily_unavailable/,
    ],
    ['throttling (429)', true, () => ({ clientId: 'throttled-app' }), /answered 429\.$/],
    [
      'a token endpoint that hangs up',
      true,
      () => ({ clientId: 'hangup-app' }),
      /could not be reached \(ECONNRESET\)/,
    ],
    [
      'an authority nobody listens on',
      true,
      () => ({ clientId: 'secret-app', authority: `https://127.0.0.1:${refusedPort}` }),
      /could not be reached \(ECONNREFUSED\)/,
    ],
  ];

  it.each(cases)(
    '%s fails as AuthenticationFailed (retryable: %s) without the secret',
    async (_label, retry, fields, text) => {
      const before = backend.requestsTo('/api').length;
      const outcome = await call(oauth({ secret: SECRET, ...fields() }));
      expect(outcome).toMatchObject({ ok: false, retryable: retry, error: { code: 'AuthenticationFailed' } });
      const message = outcome.ok ? '' : outcome.error.message;
      expect(message).toMatch(
        /^Could not get a token for audience 'api:\/\/orders' as client '[\w-]+' of tenant 'contoso-tenant' \(ActiveDirectoryOAuth\)/,
      );
      expect(message).toMatch(text);
      expect(JSON.stringify(outcome)).not.toContain(SECRET);
      expect(JSON.stringify(outcome)).not.toContain('wrong-secret-value');
      expect(backend.requestsTo('/api').length).toBe(before);
    },
  );

  it('fails terminally when the token endpoint certificate is not trusted', async () => {
    const outcome = await call(
      oauth({ clientId: 'secret-app', secret: SECRET, audience: 'api://untrusted' }),
      [],
    );
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'AuthenticationFailed' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/TLS certificate is not trusted \(UNABLE_TO_VERIFY/);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });

  it.each([
    [
      'tenant',
      { tenant: undefined },
      /authentication\.tenant: expected a non-empty string for ActiveDirectoryOAuth, found nothing/,
    ],
    [
      'clientId',
      { clientId: 7 },
      /authentication\.clientId: expected a non-empty string for ActiveDirectoryOAuth, found a number/,
    ],
    ['audience', { audience: '' }, /authentication\.audience: expected a non-empty string/],
    ['secret', { secret: undefined }, /authentication\.secret: expected a non-empty string/],
    ['authority', { authority: 'http://login.example' }, /authentication\.authority: expected an https URL/],
  ])('names a missing or wrong %s as a terminal InvalidRequest', async (_field, change, text) => {
    const before = tokens.tokenRequests.length;
    const outcome = await call({ ...oauth({ clientId: 'secret-app', secret: SECRET }), ...change });
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidRequest' } });
    expect(!outcome.ok && outcome.error.message).toMatch(text);
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
    expect(tokens.tokenRequests.length).toBe(before);
  });

  it('does not send the secret to an authority the egress policy denies', async () => {
    const outcome = await executeHttp(
      {
        method: 'GET',
        uri: `${backend.origin}/api`,
        authentication: oauth({ clientId: 'secret-app', secret: SECRET }),
      },
      { egress: { deny: [`127.0.0.1`], blockMetadata: true }, ca: [certs.ca] },
    );
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'EgressDenied' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/authentication\.authority/);
  });
});
