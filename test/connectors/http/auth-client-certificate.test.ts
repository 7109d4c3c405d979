/**
 * ClientCertificate authentication against a real HTTPS server on loopback that asks for a client
 * certificate and answers 200 only to one signed by its test CA (certificates made by openssl here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpOutcome } from '../../../src/connectors/http/index';
import { makeCertificates, PFX_PASSWORD, type TestCertificates } from './certs';
import { DEFAULT_EGRESS } from './servers';
import { type Running, startMtlsBackend } from './tls-servers';

let certs: TestCertificates;
let backend: Running;

beforeAll(async () => {
  certs = makeCertificates();
  backend = await startMtlsBackend(certs);
});
afterAll(() => backend.close());

const call = (
  authentication: Record<string, unknown>,
  uri = `${backend.origin}/whoami`,
): Promise<HttpOutcome> =>
  executeHttp({ method: 'GET', uri, authentication }, { egress: DEFAULT_EGRESS, ca: [certs.ca] });

/** The outcome as text, for checking that no secret is in it. */
const shown = (outcome: HttpOutcome): string => JSON.stringify(outcome);

describe('ClientCertificate authentication', () => {
  it.each([
    [
      'a PFX (OpenSSL 3 defaults) with its password',
      () => ({ pfx: certs.client.pfx, password: PFX_PASSWORD }),
    ],
    [
      'a legacy RC2/3DES PFX with its password',
      () => ({ pfx: certs.client.legacyPfx, password: PFX_PASSWORD }),
    ],
    ['PEM certificate and key', () => ({ pem: certs.client.cert, key: certs.client.key })],
    [
      'PEM certificate and encrypted key with its password',
      () => ({ pem: certs.client.cert, key: certs.client.encryptedKey, password: PFX_PASSWORD }),
    ],
    [
      'PEM with the chain first and the leaf later',
      () => ({ pem: `${certs.ca}${certs.client.cert}`, key: certs.client.key }),
    ],
  ])('presents %s in the TLS handshake, and the server accepts it', async (_label, fields) => {
    const outcome = await call({ type: 'ClientCertificate', ...fields() });
    expect(outcome).toMatchObject({
      ok: true,
      outputs: { statusCode: 200, body: { subject: 'flowline-client' } },
    });
  });

  it('presents no certificate without ClientCertificate authentication, so the server answers 401', async () => {
    expect(await call({ type: 'None' })).toMatchObject({
      ok: false,
      retryable: false,
      outputs: { statusCode: 401 },
    });
  });

  it('presents a certificate the server does not trust, which it refuses with 403 (terminal)', async () => {
    const outcome = await call({ type: 'ClientCertificate', pfx: certs.rogue.pfx, password: PFX_PASSWORD });
    expect(outcome).toMatchObject({ ok: false, retryable: false, outputs: { statusCode: 403 } });
  });

  it('keeps each certificate on its own pooled connections', async () => {
    const first = await call({ type: 'ClientCertificate', pem: certs.client.cert, key: certs.client.key });
    const second = await call({ type: 'ClientCertificate', pem: certs.rogue.cert, key: certs.rogue.key });
    const third = await call({ type: 'None' });
    expect([first, second, third].map((o) => o.outputs?.statusCode)).toEqual([200, 403, 401]);
  });

  it('polls a 202 Location with the same certificate', async () => {
    const outcome = await call(
      { type: 'ClientCertificate', pfx: certs.client.pfx, password: PFX_PASSWORD },
      `${backend.origin}/start`,
    );
    expect(outcome).toMatchObject({
      ok: true,
      outputs: { statusCode: 200, body: { subject: 'flowline-client' } },
    });
  });
});

describe('ClientCertificate failures are terminal, name the field and never show a secret', () => {
  const cases: [string, () => Record<string, unknown>, string, RegExp][] = [
    [
      'a wrong PFX password',
      () => ({ pfx: certs.client.pfx, password: 'not-the-Pa55word' }),
      'InvalidClientCertificate',
      /authentication\.pfx \(ClientCertificate\) could not be opened: authentication\.password is wrong/,
    ],
    [
      'a missing PFX password',
      () => ({ pfx: certs.client.pfx }),
      'InvalidClientCertificate',
      /authentication\.password is missing/,
    ],
    [
      'a wrong password for an encrypted PEM key',
      () => ({ pem: certs.client.cert, key: certs.client.encryptedKey, password: 'not-the-Pa55word' }),
      'InvalidClientCertificate',
      /authentication\.key \(ClientCertificate\) could not be decrypted: authentication\.password is wrong/,
    ],
    [
      'a pfx that is not PKCS#12',
      () => ({ pfx: Buffer.from('definitely not a pfx file').toString('base64'), password: PFX_PASSWORD }),
      'InvalidClientCertificate',
      /authentication\.pfx \(ClientCertificate\): expected a base64 PKCS#12 \(PFX\) file/,
    ],
    [
      'a key that belongs to another certificate',
      () => ({ pem: certs.client.cert, key: certs.rogue.key }),
      'InvalidClientCertificate',
      /authentication\.pem \(ClientCertificate\): expected a certificate that matches the private key/,
    ],
    [
      'PEM text without a certificate',
      () => ({ pem: 'hello', key: certs.client.key }),
      'InvalidClientCertificate',
      /authentication\.pem \(ClientCertificate\): expected one or more PEM certificates/,
    ],
    [
      'a pem without its key',
      () => ({ pem: certs.client.cert }),
      'InvalidRequest',
      /authentication\.key: expected/,
    ],
    [
      'neither pfx nor pem',
      () => ({ password: PFX_PASSWORD }),
      'InvalidRequest',
      /authentication\.pfx: expected/,
    ],
    [
      'a pfx that is not a string',
      () => ({ pfx: 42, password: PFX_PASSWORD }),
      'InvalidRequest',
      /authentication\.pfx: expected a non-empty string for ClientCertificate, found a number/,
    ],
  ];

  it.each(cases)('%s', async (_label, fields, code, message) => {
    const before = Date.now();
    const outcome = await call({ type: 'ClientCertificate', ...fields() });
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code } });
    expect(!outcome.ok && outcome.error.message).toMatch(message);
    for (const secret of [PFX_PASSWORD, 'not-the-Pa55word', certs.client.key, certs.client.pfx.slice(0, 40)])
      expect(shown(outcome)).not.toContain(secret);
    expect(Date.now() - before).toBeLessThan(5_000);
  });

  it('refuses an http uri, where no TLS handshake could carry the certificate', async () => {
    const outcome = await call(
      { type: 'ClientCertificate', pfx: certs.client.pfx, password: PFX_PASSWORD },
      `http://127.0.0.1:${backend.port}/whoami`,
    );
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidRequest' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/uri: expected an https URL for ClientCertificate/);
  });

  it('does not trust the test CA unless told to, failing as a retryable connection error', async () => {
    const outcome = await executeHttp(
      {
        method: 'GET',
        uri: `${backend.origin}/whoami`,
        authentication: { type: 'ClientCertificate', pfx: certs.client.pfx, password: PFX_PASSWORD },
      },
      { egress: DEFAULT_EGRESS },
    );
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'ConnectionFailed' } });
    expect(shown(outcome)).not.toContain(PFX_PASSWORD);
  });
});
