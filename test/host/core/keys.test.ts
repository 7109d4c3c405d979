import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KeyFile } from '../../../src/host/http/keys';
import type { RunningHost } from '../../../src/host/startHost';
import { fixtureDir, startFixture } from './helpers';

const keyDir = join(fixtureDir('http-basic'), '.flowline');
let host: RunningHost;
let keys: KeyFile;

beforeAll(async () => {
  rmSync(keyDir, { recursive: true, force: true });
  ({ host } = await startFixture('http-basic', { requireKeys: true }));
  keys = JSON.parse(readFileSync(join(keyDir, 'keys.json'), 'utf8')) as KeyFile;
});
afterAll(async () => {
  await host.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

const status = async (path: string, headers: Record<string, string> = {}): Promise<number> =>
  (await fetch(host.origin + path, { headers })).status;

describe('--require-keys enforces authLevel', () => {
  test('keys are generated on first start and stored in .flowline/keys.json', () => {
    expect(keys.masterKey.length).toBeGreaterThan(40);
    expect(keys.functionKeys['Keyed']?.['default']).toBeTruthy();
    expect(keys.hostKeys['default']).toBeTruthy();
  });

  test.each([
    ['anonymous route without a key', '/api/anon', () => ({}), 200],
    ['function route without a key', '/api/keyed', () => ({}), 401],
    ['function route with a wrong key', '/api/keyed?code=wrong', () => ({}), 401],
    [
      'function route with its key in ?code=',
      () => `/api/keyed?code=${keys.functionKeys['Keyed']?.['default'] ?? ''}`,
      () => ({}),
      200,
    ],
    [
      'function route with the host key in x-functions-key',
      '/api/keyed',
      () => ({ 'x-functions-key': keys.hostKeys['default'] ?? '' }),
      200,
    ],
    ['function route with the master key', '/api/keyed', () => ({ 'x-functions-key': keys.masterKey }), 200],
    [
      "function route with another function's key",
      '/api/keyed',
      () => ({ 'x-functions-key': keys.functionKeys['Hello']?.['default'] ?? '' }),
      401,
    ],
    [
      'admin route with a host key',
      '/api/adminonly',
      () => ({ 'x-functions-key': keys.hostKeys['default'] ?? '' }),
      401,
    ],
    ['admin route with the master key', '/api/adminonly', () => ({ 'x-functions-key': keys.masterKey }), 200],
    ['admin API without a key', '/admin/host/status', () => ({}), 401],
    ['admin API with the master key', () => `/admin/host/status?code=${keys.masterKey}`, () => ({}), 200],
  ])('%s -> %i', async (_name, path, headers, expected) => {
    expect(await status(typeof path === 'function' ? path() : path, headers())).toBe(expected);
  });

  test('a second start reuses the stored keys', async () => {
    const second = await startFixture('http-basic', { requireKeys: true });
    try {
      expect(second.host.keys?.keys.masterKey).toBe(keys.masterKey);
    } finally {
      await second.host.stop();
    }
  });

  test('extensions get system keys that the key store persists', () => {
    const key = host.env.systemKey?.('durabletask_extension');
    expect(key).toBeTruthy();
    const stored = JSON.parse(readFileSync(join(keyDir, 'keys.json'), 'utf8')) as KeyFile;
    expect(stored.systemKeys['durabletask_extension']).toBe(key);
  });
});

test('without --require-keys every authLevel is open, as with Core Tools, and no key file is written', async () => {
  rmSync(join(fixtureDir('prefix-custom'), '.flowline'), { recursive: true, force: true });
  const open = await startFixture('prefix-custom');
  try {
    expect(open.host.env.systemKey?.('durabletask_extension')).toBeUndefined();
    expect(existsSync(join(fixtureDir('prefix-custom'), '.flowline'))).toBe(false);
  } finally {
    await open.host.stop();
  }
  expect(await status('/api/keyed')).toBe(401); // the keyed host is still enforcing
});
