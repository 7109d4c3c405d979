/**
 * workflows/partner-order.json, the secret-leak test.
 * A run that uses secrets three ways (a SecureString parameter from an app setting, one from a Key
 * Vault reference, the token a KeyVaultSecret action returns) reaches the backend with the real values
 * and leaves none of them in the SQLite store, the logs, the run view or the caller's answer.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, type Flowline, startBackend, startFlowline } from './helpers';

const SECRETS = {
  INVENTORY_PASSWORD: 'pw-7f3a9c1e-inventory',
  'KEYVAULT__contoso-kv__partner-api-key': 'key-5d2b8e4f-partner',
  'KEYVAULT__contoso-kv__signing-key': 'sig-91c0a7d3-signing',
};
const values = Object.values(SECRETS);
const forms = [
  ...values,
  ...values.map((v) => Buffer.from(v).toString('base64')),
  Buffer.from(`flowline:${SECRETS.INVENTORY_PASSWORD}`).toString('base64'),
];

describe('secrets never leave the activity that uses them', () => {
  let backend: Backend;
  let flowline: Flowline;
  const dir = mkdtempSync(join(tmpdir(), 'flowline-secrets-'));
  let answer: string;
  let runView: string;

  beforeAll(async () => {
    // The backend echoes the API key it received, as careless APIs do.
    backend = await startBackend((call) => ({ status: 200, body: { echoed: call.headers['x-api-key'] } }));
    flowline = await startFlowline(
      {
        ...SECRETS,
        PARTNER_URL: backend.url,
        FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../../workflows'),
      },
      undefined,
      { store: join(dir, 'store.db') },
    );
    const response = await flowline.invoke('partner-order', { orderId: 'o-1' });
    answer = await response.text();
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    runView = JSON.stringify(await flowline.waitForRun('partner-order', runId));
    await flowline.stop();
  });
  afterAll(() => backend.close());

  it('sends the real values to the backend', () => {
    const call = backend.calls[0];
    expect(call?.headers['x-api-key']).toBe(SECRETS['KEYVAULT__contoso-kv__partner-api-key']);
    expect(call?.headers['x-signature']).toBe(`sig ${SECRETS['KEYVAULT__contoso-kv__signing-key']}`);
    expect(call?.headers.authorization).toBe(
      `Basic ${Buffer.from(`flowline:${SECRETS.INVENTORY_PASSWORD}`).toString('base64')}`,
    );
  });

  it('masks a secret the backend echoes before it reaches the run or the caller', () => {
    expect(JSON.parse(answer)).toEqual({ echoed: '*****' });
  });

  it.each(forms)('finds no trace of %s in the store, the logs, the run view or the answer', (secret) => {
    const store = readdirSync(dir)
      .map((file) => readFileSync(join(dir, file)))
      .map((bytes) => bytes.toString('latin1'));
    expect(store.length).toBeGreaterThan(0);
    const places: [string, string][] = [
      ...store.map((text, i): [string, string] => [`store file ${i}`, text]),
      ['logs', flowline.logs.join('\n')],
      ['run view', runView],
      ['answer', answer],
    ];
    // The places that hold it, so a failure names them instead of printing a whole database.
    expect(places.filter(([, text]) => text.includes(secret)).map(([place]) => place)).toEqual([]);
  });

  it('shows secret tokens, not values, where the run used them', () => {
    expect(runView).toContain('{{flowline-secret:');
  });
});
