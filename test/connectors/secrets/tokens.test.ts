/** Secret tokens: resolution inside activities, masking of results, the resolver's sources and cache. */
import { describe, expect, it } from 'vitest';
import {
  defaultSecretResolver,
  type SecretReference,
  vaultUrl,
} from '../../../src/connectors/secrets/resolve';
import { MASK, maskSecrets, resolveSecretRefs, secretToken } from '../../../src/connectors/secrets/tokens';
import { resolveParameters } from '../../../src/functions/workflows/parameters';

const env = { API_KEY: 'k-123456', ODD: 'x$&y$1', 'KEYVAULT__contoso__db-password': 'p-abcdef' };
const noVault = (): Promise<string> => Promise.reject(new Error('no vault in this test'));

describe('secret tokens', () => {
  it.each<[string, unknown, unknown]>([
    ['a whole string', secretToken({ appSetting: 'API_KEY' }), 'k-123456'],
    ['inside text', `Bearer ${secretToken({ appSetting: 'API_KEY' })}`, 'Bearer k-123456'],
    [
      'deep in objects and arrays',
      { headers: { a: [secretToken({ vault: 'contoso', name: 'db-password' })] } },
      { headers: { a: ['p-abcdef'] } },
    ],
    [
      'a value with replacement patterns, taken literally',
      `<${secretToken({ appSetting: 'ODD' })}>`,
      '<x$&y$1>',
    ],
    ['a string without tokens', 'plain text', 'plain text'],
  ])('resolves a token in %s', async (_case, input, expected) => {
    const seen = new Set<string>();
    expect(await resolveSecretRefs(input, defaultSecretResolver(env, noVault), seen)).toEqual(expected);
  });

  it('masks resolved values and their base64 form in a result', () => {
    const secrets = new Set(['k-123456']);
    const result = { echoed: 'k-123456', auth: `Basic ${Buffer.from('k-123456').toString('base64')}`, n: 1 };
    expect(maskSecrets(result, secrets)).toEqual({ echoed: MASK, auth: `Basic ${MASK}`, n: 1 });
  });

  it('fails clearly, without a value, when the app setting is missing', async () => {
    const token = secretToken({ appSetting: 'NOT_SET' });
    await expect(resolveSecretRefs(token, defaultSecretResolver({}, noVault), new Set())).rejects.toThrow(
      "App setting 'NOT_SET' is not set.",
    );
  });
});

describe('the secret resolver', () => {
  it('reads Key Vault once per secret within five minutes', async () => {
    let reads = 0;
    let now = 0;
    const resolver = defaultSecretResolver(
      {},
      (url, name) => Promise.resolve(`${url}/${name}#${++reads}`),
      () => now,
    );
    const ref: SecretReference = { vault: 'contoso', name: 'api' };
    expect(await resolver.resolve(ref)).toBe('https://contoso.vault.azure.net/api#1');
    now = 299_000;
    expect(await resolver.resolve(ref)).toBe('https://contoso.vault.azure.net/api#1');
    now = 301_000;
    expect(await resolver.resolve(ref)).toBe('https://contoso.vault.azure.net/api#2');
  });

  it.each([
    ['contoso', 'https://contoso.vault.azure.net'],
    ['https://contoso.vault.azure.net/', 'https://contoso.vault.azure.net'],
  ])('reads vault %s at %s', (vault, url) => {
    expect(vaultUrl(vault)).toBe(url);
  });
});

describe('secure parameters', () => {
  it.each<[string, unknown, boolean, unknown]>([
    ['an app-setting reference', "@appsetting('API_KEY')", true, secretToken({ appSetting: 'API_KEY' })],
    ['a reference object', { appSetting: 'API_KEY' }, true, secretToken({ appSetting: 'API_KEY' })],
    ['a vault reference', { vault: 'v', name: 'n' }, true, secretToken({ vault: 'v', name: 'n' })],
    ['a plain parameter from an app setting', "@appsetting('API_KEY')", false, 'k-123456'],
  ])('turns %s into %j', (_case, value, secure, expected) => {
    expect(resolveParameters({ p: value } as never, () => secure, env)).toEqual({ p: expected });
  });
});
