import type { AccessToken, TokenCredential } from '@azure/identity';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { defaultCredential, scrub, StorageClients } from '../../../src/connectors/storage/clients';
import {
  AZURITE_KEY,
  azuriteConnectionString,
  serviceUrl,
  storageTarget,
} from '../../../src/connectors/storage/connection';
import { TerminalError } from '../../../src/connectors/errors';

const KEY = Buffer.from('not-the-real-key-but-secret-all-the-same').toString('base64');
const CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${KEY};EndpointSuffix=core.windows.net`;

describe('storageTarget: which settings a connection name reads', () => {
  it('reads a connection string from the app setting the connection names, and knows its key is secret', () => {
    const target = storageTarget('STORAGE', 'blob', { STORAGE: CONNECTION_STRING });
    expect(target).toEqual({ kind: 'connectionString', connectionString: CONNECTION_STRING, secrets: [KEY] });
  });

  it('maps UseDevelopmentStorage=true to Azurite on its default ports', () => {
    const target = storageTarget('STORAGE', 'queue', { STORAGE: 'UseDevelopmentStorage=true' });
    expect(target).toMatchObject({ kind: 'connectionString', connectionString: azuriteConnectionString() });
    expect(azuriteConnectionString()).toContain('QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1');
    expect(target.kind === 'connectionString' && target.secrets).toEqual([AZURITE_KEY]);
  });

  it.each([
    [
      'blob',
      { S__blobServiceUri: 'https://acct.blob.core.windows.net' },
      'https://acct.blob.core.windows.net',
    ],
    [
      'table',
      { S__tableServiceUri: 'https://acct.table.core.windows.net' },
      'https://acct.table.core.windows.net',
    ],
    [
      'queue',
      { S__accountUrl: 'https://acct.blob.core.windows.net/' },
      'https://acct.queue.core.windows.net',
    ],
    ['table', { S__accountUrl: 'https://acct.blob.core.windows.net' }, 'https://acct.table.core.windows.net'],
    ['queue', { S__accountName: 'acct' }, 'https://acct.queue.core.windows.net'],
    [
      'queue',
      { S__queueServiceUri: 'https://q.example', S__accountUrl: 'https://acct.blob.core.windows.net' },
      'https://q.example',
    ],
  ] as const)('selects managed identity for %s from %j', (service, env, url) => {
    expect(storageTarget('S', service, env)).toEqual({ kind: 'identity', url, clientId: undefined });
  });

  it('passes the client id of a user-assigned identity along', () => {
    const env = { S__accountName: 'acct', S__clientId: '00000000-1111-2222-3333-444444444444' };
    expect(storageTarget('S', 'blob', env)).toMatchObject({ clientId: env.S__clientId });
  });

  it('prefers the connection string when both kinds of settings are present', () => {
    const env = { S: CONNECTION_STRING, S__accountName: 'other' };
    expect(storageTarget('S', 'blob', env).kind).toBe('connectionString');
  });

  it('fails terminally naming the settings it looked for when none is set', () => {
    const attempt = () => storageTarget('ARCHIVE', 'table', { ARCHIVE: '  ' });
    expect(attempt).toThrow(TerminalError);
    expect(attempt).toThrow(
      "expected app setting 'ARCHIVE' (a storage connection string) or 'ARCHIVE__tableServiceUri' / 'ARCHIVE__accountUrl' (managed identity), found none of them",
    );
  });

  it('keeps a URL without a service label as it is (private endpoint, emulator)', () => {
    expect(serviceUrl('http://127.0.0.1:10000/devstoreaccount1', 'queue')).toBe(
      'http://127.0.0.1:10000/devstoreaccount1',
    );
    expect(() => serviceUrl('not a url', 'blob')).toThrow('expected an absolute URL');
  });
});

describe('StorageClients', () => {
  const stub: TokenCredential = {
    getToken: (): Promise<AccessToken> => Promise.resolve({ token: 't', expiresOnTimestamp: 0 }),
  };

  it('builds identity clients for the service URL with one credential per client id', () => {
    const asked: (string | undefined)[] = [];
    const clients = new StorageClients({ credential: (id) => (asked.push(id), stub) });
    const env = { S__accountUrl: 'https://acct.blob.core.windows.net', S__clientId: 'cid' };
    expect(clients.blob('S', env).client.url).toBe('https://acct.blob.core.windows.net/');
    expect(clients.queue('S', env).client.url).toBe('https://acct.queue.core.windows.net');
    expect(clients.table('S', 'invoices', env).client.url).toBe('https://acct.table.core.windows.net');
    expect(asked).toEqual(['cid']);
  });

  it('reuses the client of a connection until its setting changes', () => {
    const clients = new StorageClients();
    const env: Record<string, string> = { S: CONNECTION_STRING };
    const first = clients.blob('S', env).client;
    expect(clients.blob('S', env).client).toBe(first);
    env.S = CONNECTION_STRING.replace('acct', 'other');
    expect(clients.blob('S', env).client).not.toBe(first);
  });

  it('reports an unusable connection string without printing it', () => {
    const attempt = () => new StorageClients().blob('S', { S: `AccountKey=${KEY};nonsense` });
    expect(attempt).toThrow(/App setting 'S' does not hold a usable storage connection/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain(KEY);
    }
  });

  it('uses DefaultAzureCredential, or ManagedIdentityCredential for a client id', () => {
    expect(defaultCredential(undefined)).toBeInstanceOf(DefaultAzureCredential);
    expect(defaultCredential('cid')).toBeInstanceOf(ManagedIdentityCredential);
  });
});

describe('scrub', () => {
  it.each([
    [`bad ${KEY} here`, [KEY], 'bad ***** here'],
    [`AccountKey=${KEY};AccountName=a`, [], 'AccountKey=*****;AccountName=a'],
    ['SharedAccessSignature=sv=1&sig=abc', [], 'SharedAccessSignature=*****'],
    [
      'https://a.blob.core.windows.net/c?sv=1&sig=abc%2B&se=2',
      [],
      'https://a.blob.core.windows.net/c?sv=1&sig=*****&se=2',
    ],
  ])('masks secrets in %j', (text, secrets, expected) => {
    expect(scrub(text, secrets)).toBe(expected);
  });
});
