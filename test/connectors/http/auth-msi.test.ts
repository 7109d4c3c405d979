/**
 * ManagedServiceIdentity through @azure/identity's ManagedIdentityCredential, against a real App
 * Service identity endpoint on loopback (IDENTITY_ENDPOINT / IDENTITY_HEADER, set before the first
 * credential is made: MSAL reads them once per process). The connector's own token request is not
 * subject to the egress policy, while the workflow's calls to that endpoint stay blocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpOutcome } from '../../../src/connectors/http/index';
import { type Backend, DEFAULT_EGRESS, reply, startBackend } from './servers';
import { type IdentityEndpoint, startIdentityEndpoint } from './tls-servers';

const IDENTITY_HEADER = 'identity-header-6d1f2a-never-shown';
const USER_ASSIGNED =
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/orders';
let identity: IdentityEndpoint;
let backend: Backend;

beforeAll(async () => {
  identity = await startIdentityEndpoint(IDENTITY_HEADER);
  process.env['IDENTITY_ENDPOINT'] = identity.url;
  process.env['IDENTITY_HEADER'] = IDENTITY_HEADER;
  backend = await startBackend();
  backend.on('/api', (_req, res) => reply(res, 200, { fine: true }));
});
afterAll(async () => {
  delete process.env['IDENTITY_ENDPOINT'];
  delete process.env['IDENTITY_HEADER'];
  await identity.close();
  await backend.close();
});

const msi = (fields: Record<string, unknown>): Record<string, unknown> => ({
  type: 'ManagedServiceIdentity',
  ...fields,
});
const call = (authentication: Record<string, unknown>, uri = `${backend.origin}/api`): Promise<HttpOutcome> =>
  executeHttp({ method: 'GET', uri, authentication, timeoutMs: 5_000 }, { egress: DEFAULT_EGRESS });
const lastAuthorization = (): unknown => backend.requestsTo('/api').at(-1)?.headers.authorization;

describe('ManagedServiceIdentity', () => {
  it('asks the identity endpoint for the audience as the system-assigned identity and sends the bearer token', async () => {
    const before = identity.requests.length;
    expect(await call(msi({ audience: 'https://orders.example.com' }))).toMatchObject({ ok: true });
    const request = identity.requests[before];
    expect(request?.header).toBe(IDENTITY_HEADER);
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      'api-version': '2019-08-01',
      resource: 'https://orders.example.com',
    });
    expect(lastAuthorization()).toMatch(/^Bearer msi-system-\d+$/);
  });

  it.each([
    ['an ARM resource id', USER_ASSIGNED, 'mi_res_id'],
    ['a client id', '7f2c1a9e-0000-4b1d-9c3e-5a6b7c8d9e0f', 'client_id'],
  ])('uses the user-assigned identity named by %s', async (_label, id, parameter) => {
    const before = identity.requests.length;
    expect(await call(msi({ identity: id, audience: 'https://user.example.com' }))).toMatchObject({
      ok: true,
    });
    expect(identity.requests[before]?.query.get(parameter)).toBe(id);
    expect(lastAuthorization()).toBe(`Bearer msi-${id}-${before + 1}`);
  });

  it('reuses the cached token for the same identity and audience', async () => {
    const auth = msi({ audience: 'https://cached.example.com' });
    await call(auth);
    const asked = identity.requests.length;
    const first = lastAuthorization();
    expect(await call(auth)).toMatchObject({ ok: true });
    expect(identity.requests.length).toBe(asked);
    expect(lastAuthorization()).toBe(first);
  });

  it("still refuses the workflow's own call to the identity endpoint", async () => {
    const before = identity.requests.length;
    const outcome = await call(msi({ audience: 'https://orders.example.com' }), `${identity.url}?resource=x`);
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'EgressDenied' } });
    expect(identity.requests.length).toBe(before);
  });
});

describe('ManagedServiceIdentity failures', () => {
  it.each([
    ['the identity endpoint failing with 500', 'https://fail-500.example.com', true, /answered 500/],
    [
      'the identity endpoint refusing the resource with 400',
      'https://fail-400.example.com',
      false,
      /answered 400/,
    ],
    ['the identity endpoint hanging up', 'https://hangup.example.com', true, /could not be reached/],
  ])('%s fails as AuthenticationFailed (retryable: %s)', async (_label, audience, retry, text) => {
    const outcome = await call(msi({ audience }));
    expect(outcome).toMatchObject({ ok: false, retryable: retry, error: { code: 'AuthenticationFailed' } });
    const message = outcome.ok ? '' : outcome.error.message;
    expect(message).toContain(
      `Could not get a token for audience '${audience}' as the system-assigned managed identity`,
    );
    expect(message).toMatch(text);
    expect(JSON.stringify(outcome)).not.toContain(IDENTITY_HEADER);
  });

  it('gives up waiting for a token after the call timeout, retryably', async () => {
    const started = Date.now();
    const outcome = await executeHttp(
      {
        method: 'GET',
        uri: `${backend.origin}/api`,
        authentication: msi({ audience: 'https://silent.example.com' }),
        timeoutMs: 300,
      },
      { egress: DEFAULT_EGRESS },
    );
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'AuthenticationFailed' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/no token within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('names a user-assigned identity in its failure', async () => {
    const outcome = await call(msi({ audience: 'https://fail-400.example.com', identity: USER_ASSIGNED }));
    expect(!outcome.ok && outcome.error.message).toContain(
      `as the user-assigned identity '${USER_ASSIGNED}'`,
    );
  });

  it.each([
    ['missing', {}, 'nothing'],
    ['not a string', { audience: 42 }, 'a number'],
  ])('refuses an audience that is %s as a terminal InvalidRequest', async (_label, fields, found) => {
    const before = identity.requests.length;
    const outcome = await call(msi(fields));
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidRequest' } });
    expect(!outcome.ok && outcome.error.message).toBe(
      `authentication.audience: expected a non-empty string for ManagedServiceIdentity, found ${found}.`,
    );
    expect(identity.requests.length).toBe(before);
  });
});
