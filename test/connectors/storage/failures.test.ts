import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobConnector } from '../../../src/connectors/storage/blob';
import { AZURITE_ACCOUNT, AZURITE_KEY } from '../../../src/connectors/storage/connection';
import { storageError } from '../../../src/connectors/storage/errors';
import { queueConnector } from '../../../src/connectors/storage/queue';
import { tableConnector } from '../../../src/connectors/storage/table';
import { type Azurite, startAzurite } from './azurite';

interface Reply {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/** A storage endpoint on loopback that answers every request with the reply under test. */
describe('Storage failures, classified from what the service answers', () => {
  let server: Server;
  let reply: Reply = { status: 500, code: 'InternalError', message: 'boom' };
  let endpoint = '';
  const connection = (kind: 'Blob' | 'Table', url = endpoint): string =>
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};${kind}Endpoint=${url}/${AZURITE_ACCOUNT}`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      const json = (req.headers.accept ?? '').includes('json');
      const body = json
        ? JSON.stringify({
            'odata.error': {
              code: reply.code,
              message: { lang: 'en-US', value: `${reply.message}\nRequestId:1` },
            },
          })
        : `<?xml version="1.0" encoding="utf-8"?><Error><Code>${reply.code}</Code><Message>${reply.message}\nRequestId:1</Message></Error>`;
      res.writeHead(reply.status, {
        'content-type': json ? 'application/json' : 'application/xml',
        'x-ms-error-code': reply.code,
        ...reply.headers,
      });
      res.end(body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it.each([
    [429, 'TooManyRequests', true],
    [500, 'InternalError', true],
    [503, 'ServerBusy', true],
    [408, 'OperationTimedOut', true],
    [400, 'InvalidResourceName', false],
    [403, 'AuthorizationPermissionMismatch', false],
    [404, 'ContainerNotFound', false],
    [409, 'LeaseIdMissing', false],
    [412, 'ConditionNotMet', false],
  ])('a blob answer %i %s is retryable: %s', async (status, code, retryable) => {
    reply = { status, code, message: `Service says ${code}.` };
    const blob = blobConnector({}, { env: { S: connection('Blob') } });
    const result = await blob({ operation: 'list', connection: 'S', container: 'docs' });
    expect(result).toEqual({
      ok: false,
      retryable,
      error: {
        code,
        message: `Storage answered ${status} for container 'docs' (${code}): Service says ${code}.`,
      },
    });
  });

  it('passes Retry-After of a throttled answer on as the next delay', async () => {
    reply = { status: 503, code: 'ServerBusy', message: 'Slow down', headers: { 'retry-after': '7' } };
    const blob = blobConnector({}, { env: { S: connection('Blob') } });
    expect(await blob({ operation: 'list', connection: 'S', container: 'docs' })).toMatchObject({
      retryable: true,
      retryAfterMs: 7000,
    });
  });

  it('reads the code and sentence of an OData (Tables) error', async () => {
    reply = { status: 503, code: 'ServerBusy', message: 'The server is busy.' };
    const table = tableConnector({}, { env: { S: connection('Table') } });
    const result = await table({
      operation: 'get',
      connection: 'S',
      table: 'things',
      partitionKey: 'p',
      rowKey: 'r',
    });
    expect(result).toMatchObject({
      retryable: true,
      error: {
        code: 'ServerBusy',
        message: expect.stringContaining('(ServerBusy): The server is busy.') as string,
      },
    });
  });

  it('scrubs the account key and SAS signatures out of service messages', async () => {
    reply = {
      status: 403,
      code: 'AuthenticationFailed',
      message: `Key ${AZURITE_KEY} and sig=abcdEF12 rejected.`,
    };
    const blob = blobConnector({}, { env: { S: connection('Blob') } });
    const text = JSON.stringify(await blob({ operation: 'list', connection: 'S', container: 'docs' }));
    expect(text).toContain('Key ***** and sig=***** rejected');
    expect(text).not.toContain(AZURITE_KEY);
    expect(text).not.toContain('abcdEF12');
  });

  it('reports a refused connection as retryable ConnectionFailed', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const queue = queueConnector(
      {},
      { env: { S: `${connection('Blob')};QueueEndpoint=http://127.0.0.1:${port}/x` } },
    );
    const result = await queue({ operation: 'peek', connection: 'S', queue: 'jobs' });
    expect(result).toMatchObject({ ok: false, retryable: true, error: { code: 'ConnectionFailed' } });
    expect(!result.ok && result.error.message).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('reports an operation that outlives its deadline as retryable Timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const blob = blobConnector({ timeoutMs: 300 }, { env: { S: connection('Blob', url) } });
      const started = Date.now();
      const result = await blob({ operation: 'download', connection: 'S', container: 'docs', blob: 'a' });
      expect(result).toMatchObject({ ok: false, retryable: true, error: { code: 'Timeout' } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((done) => silent.close(() => done()));
    }
  });

  it.each([
    [Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }), 'Timeout', true],
    [
      Object.assign(new Error('No managed identity endpoint found.'), { name: 'CredentialUnavailableError' }),
      'AuthenticationFailed',
      false,
    ],
    [new Error('Unknown EDM type'), 'StorageFailed', false],
  ])('classifies %s', (error, code, retryable) => {
    const classified = storageError(error, { what: 'container c' }, []);
    expect({ code: classified.code, retryable: classified.retryable }).toEqual({ code, retryable });
  });
});

describe('Wrong credentials against Azurite', () => {
  let azurite: Azurite;
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(() => azurite.stop());

  it('fail terminally with 403 and never show the key that was used', async () => {
    const wrongKey = Buffer.from('this is the wrong account key, 32+ bytes long').toString('base64');
    const env = { S: azurite.connectionString.replace(AZURITE_KEY, wrongKey) };
    const result = await blobConnector(
      {},
      { env },
    )({ operation: 'list', connection: 'S', container: 'docs' });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'AuthorizationFailure' } });
    expect(!result.ok && result.error.message).toContain("Storage answered 403 for container 'docs'");
    expect(JSON.stringify(result)).not.toContain(wrongKey);
  });
});
