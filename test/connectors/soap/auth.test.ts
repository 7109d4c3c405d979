/** WS-Security UsernameToken and HTTP authentication, checked by a real SOAP server; no secret in results. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityResult, defineConnector } from '../../../src/connectors/activity';
import type { SecretResolver } from '../../../src/connectors/secrets/resolve';
import { secretToken } from '../../../src/connectors/secrets/tokens';
import { soapDefinition } from '../../../src/connectors/soap/index';
import { CURRENCY_NS, DEFAULT_EGRESS, type SoapBackend, startCurrencyService } from './servers';

const PASSWORD = 's3cret-Pa55word';
let service: SoapBackend;
const secrets: SecretResolver = {
  resolve: (reference) =>
    'appSetting' in reference && reference.appSetting === 'CURRENCY_PASSWORD'
      ? Promise.resolve(PASSWORD)
      : Promise.reject(new Error('unknown secret')),
};
const soap = defineConnector(soapDefinition({ egress: DEFAULT_EGRESS }), { secrets });

beforeAll(async () => {
  service = await startCurrencyService({ users: { flowline: PASSWORD } });
});
afterAll(() => service.close());

const call = (wsSecurity: Record<string, unknown> | undefined, version: '1.1' | '1.2' = '1.1', extra = {}) =>
  soap({
    uri: version === '1.1' ? service.url11 : service.url12,
    soapVersion: version,
    operation: 'Convert',
    namespace: CURRENCY_NS,
    body: { from: 'EUR', to: 'CHF', amount: 100 },
    ...(wsSecurity === undefined ? {} : { wsSecurity }),
    ...extra,
  });

const lastXml = (): string => service.received.at(-1)?.xml ?? '';

describe('WS-Security UsernameToken', () => {
  it.each([
    ['PasswordText', '1.1'],
    ['PasswordDigest', '1.1'],
    ['PasswordText', '1.2'],
    ['PasswordDigest', '1.2'],
  ] as const)('%s over SOAP %s is accepted by the server', async (passwordType, version) => {
    const result = await call({ username: 'flowline', password: PASSWORD, passwordType }, version);
    expect(result.ok).toBe(true);
  });

  it('a digest carries a nonce and a creation time but never the password itself', async () => {
    await call({ username: 'flowline', password: PASSWORD, passwordType: 'PasswordDigest' });
    const xml = lastXml();
    expect(xml).toMatch(/<wsse:Nonce EncodingType="[^"]+#Base64Binary">[A-Za-z0-9+/]{22}==<\/wsse:Nonce>/);
    expect(xml).toMatch(/<wsu:Created>\d{4}-\d\d-\d\dT[\d:.]+Z<\/wsu:Created>/);
    expect(xml).not.toContain(PASSWORD);
  });

  it('two digests of the same password differ (fresh nonce per call)', async () => {
    const digest = (): string => /#PasswordDigest">([^<]+)</.exec(lastXml())?.[1] ?? '';
    await call({ username: 'flowline', password: PASSWORD, passwordType: 'PasswordDigest' });
    const first = digest();
    await call({ username: 'flowline', password: PASSWORD, passwordType: 'PasswordDigest' });
    expect(digest()).not.toBe(first);
  });

  it.each([
    ['a wrong password', { username: 'flowline', password: 'wrong', passwordType: 'PasswordDigest' }],
    ['no token', undefined],
  ])('%s is refused by the server and fails the action with its fault, not retried', async (_case, ws) => {
    const result = await call(ws);
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'SoapFault' } });
    expect((result.outputs as { statusCode: number }).statusCode).toBe(401);
  });

  it('resolves a secret token for the password inside the activity and masks it in what it returns', async () => {
    const token = secretToken({ appSetting: 'CURRENCY_PASSWORD' });
    const result = await call(
      { username: 'flowline', password: token, passwordType: 'PasswordText' },
      '1.1',
      {
        includeEnvelope: true,
      },
    );
    expect(result.ok).toBe(true);
    expect(lastXml()).toContain(`>${PASSWORD}</wsse:Password>`);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});

describe('HTTP authentication', () => {
  it.each([
    [
      { type: 'Basic', username: 'u', password: PASSWORD },
      `Basic ${Buffer.from(`u:${PASSWORD}`).toString('base64')}`,
    ],
    [{ type: 'raw', value: `Bearer ${PASSWORD}` }, `Bearer ${PASSWORD}`],
  ])('%j sends Authorization %s', async (authentication, header) => {
    await call({ username: 'flowline', password: PASSWORD }, '1.1', { authentication });
    expect(service.received.at(-1)?.headers.authorization).toBe(header);
  });

  it('refuses an authentication type it does not support, naming the field', async () => {
    const result = await call(undefined, '1.1', { authentication: { type: 'ManagedServiceIdentity' } });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidConnectorInput' } });
    expect(result.ok ? '' : result.error.message).toContain(
      "inputs.authentication.type: expected one of 'None', 'Basic', 'Raw'",
    );
  });
});

describe('secrets in answers', () => {
  it('masks a plain-text password the server echoes back in a fault', async () => {
    // The unknown currency code is echoed in faultstring and detail.
    const result: ActivityResult = await soap({
      uri: service.url11,
      operation: 'Convert',
      namespace: CURRENCY_NS,
      body: { from: PASSWORD, to: 'EUR', amount: 1 },
      wsSecurity: { username: 'flowline', password: PASSWORD },
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain("Unknown currency '*****'");
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});
