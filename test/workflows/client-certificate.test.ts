/**
 * A workflow calls an HTTPS backend that requires a client certificate, on the embedded host: the
 * certificate and key come from SecureString parameters (app settings), the backend's private CA from
 * FLOWLINE_HTTP_CA_FILES, and the private key never reaches the store or the logs.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificates, type TestCertificates } from '../connectors/http/certs';
import { type Running, startMtlsBackend } from '../connectors/http/tls-servers';
import { type Flowline, startFlowline } from './helpers';

describe('a client certificate from secure parameters, end to end', () => {
  let certs: TestCertificates;
  let backend: Running;
  let flowline: Flowline;
  const dir = mkdtempSync(join(tmpdir(), 'flowline-mtls-'));

  beforeAll(async () => {
    certs = makeCertificates();
    backend = await startMtlsBackend(certs);
    writeFileSync(join(dir, 'ca.pem'), certs.ca);
    flowline = await startFlowline(
      {
        FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../fixtures/mtls'),
        FLOWLINE_HTTP_CA_FILES: join(dir, 'ca.pem'),
        MTLS_URL: backend.origin,
        CLIENT_CERT_PEM: certs.client.cert,
        CLIENT_KEY_PEM: certs.client.key,
      },
      undefined,
      { store: join(dir, 'store.db') },
    );
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  it('presents the certificate and answers with the subject the backend saw', async () => {
    const response = await flowline.invoke('mtls-call', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ subject: 'flowline-client' });
  });

  it('keeps the private key out of the store and the logs', () => {
    const keyBody = certs.client.key.split('\n')[1] ?? '';
    expect(keyBody.length).toBeGreaterThan(20);
    const store = readdirSync(dir)
      .filter((f) => f.startsWith('store.db'))
      .map((f) => readFileSync(join(dir, f)).toString('latin1'));
    expect(store.length).toBeGreaterThan(0);
    expect([...store, flowline.logs.join('\n')].filter((text) => text.includes(keyBody))).toEqual([]);
  });
});
