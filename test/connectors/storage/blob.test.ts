import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityResult, Json } from '../../../src/connectors/activity';
import { blobConnector, IDEMPOTENCY_METADATA } from '../../../src/connectors/storage/blob';
import { type Azurite, startAzurite } from './azurite';

describe('BlobStorage connector on Azurite', () => {
  let azurite: Azurite;
  let sdk: BlobServiceClient;
  let blob: (input: Record<string, unknown>) => Promise<ActivityResult>;
  const ok = async (input: Record<string, unknown>): Promise<Record<string, Json>> => {
    const result = await blob({ connection: 'ARCHIVE', container: 'documents', ...input });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return (result.outputs as { body: Record<string, Json> }).body;
  };

  beforeAll(async () => {
    azurite = await startAzurite();
    sdk = BlobServiceClient.fromConnectionString(azurite.connectionString);
    await sdk.getContainerClient('documents').create();
    blob = blobConnector({}, { env: { ARCHIVE: azurite.connectionString } });
  });
  afterAll(() => azurite.stop());

  it.each([
    ['text', 'hello', undefined, 'text/plain; charset=utf-8', 'hello', 'hello'],
    ['JSON', { total: 12.5 }, undefined, 'application/json', '{"total":12.5}', { total: 12.5 }],
    [
      'a base64 envelope',
      { '$content-type': 'application/pdf', $content: Buffer.from('%PDF-1.7').toString('base64') },
      undefined,
      'application/pdf',
      '%PDF-1.7',
      { '$content-type': 'application/pdf', $content: Buffer.from('%PDF-1.7').toString('base64') },
    ],
    ['text with an explicit content type', '<a/>', 'application/xml', 'application/xml', '<a/>', '<a/>'],
  ])(
    'uploads %s with its content type and downloads it decoded',
    async (_k, content, type, ct, raw, back) => {
      const name = `kinds/${String(_k).replace(/\W/g, '-')}`;
      const up = await ok({ operation: 'upload', blob: name, content, contentType: type });
      expect(up).toMatchObject({
        container: 'documents',
        blob: name,
        contentType: ct,
        contentLength: raw.length,
      });
      expect(up.url).toBe(`http://127.0.0.1:${azurite.ports.blob}/devstoreaccount1/documents/${name}`);
      const stored = await sdk.getContainerClient('documents').getBlobClient(name).downloadToBuffer();
      expect(stored.toString('utf8')).toBe(raw);
      const down = await ok({ operation: 'download', blob: name });
      expect(down).toMatchObject({
        content: back,
        contentType: ct,
        contentLength: raw.length,
        etag: up.etag,
      });
    },
  );

  it('stores metadata (numbers as text) and returns it, names in lower case, on download and list', async () => {
    const metadata = { customerId: 'C-42', pages: 3 };
    await ok({ operation: 'upload', blob: 'meta/a.txt', content: 'x', metadata });
    const properties = await sdk.getContainerClient('documents').getBlobClient('meta/a.txt').getProperties();
    expect(properties.metadata).toEqual({ customerid: 'C-42', pages: '3' });
    expect((await ok({ operation: 'download', blob: 'meta/a.txt' })).metadata).toEqual(properties.metadata);
    const listed = await ok({ operation: 'list', prefix: 'meta/' });
    expect(listed.blobs).toEqual([
      expect.objectContaining({ name: 'meta/a.txt', metadata: properties.metadata }),
    ]);
  });

  it('lists by prefix a page at a time, with a marker for the next page', async () => {
    for (const n of [1, 2, 3]) await ok({ operation: 'upload', blob: `page/${n}.txt`, content: String(n) });
    const first = await ok({ operation: 'list', prefix: 'page/', maxResults: 2 });
    expect(first).toMatchObject({ prefix: 'page/', count: 2 });
    expect(first.nextMarker).toEqual(expect.any(String));
    const second = await ok({ operation: 'list', prefix: 'page/', maxResults: 2, marker: first.nextMarker });
    expect(second).toMatchObject({
      count: 1,
      nextMarker: null,
      blobs: [expect.objectContaining({ name: 'page/3.txt' })],
    });
  });

  it('deletes a blob, and reports deleted: false for one that is already gone', async () => {
    await ok({ operation: 'upload', blob: 'gone.txt', content: 'x' });
    expect(await ok({ operation: 'delete', blob: 'gone.txt' })).toEqual({
      container: 'documents',
      blob: 'gone.txt',
      deleted: true,
    });
    expect(await sdk.getContainerClient('documents').getBlobClient('gone.txt').exists()).toBe(false);
    expect((await ok({ operation: 'delete', blob: 'gone.txt' })).deleted).toBe(false);
  });

  it('fails a download of a missing blob as terminal BlobNotFound naming the blob', async () => {
    expect(
      await blob({ operation: 'download', connection: 'ARCHIVE', container: 'documents', blob: 'no.txt' }),
    ).toEqual({
      ok: false,
      retryable: false,
      error: {
        code: 'BlobNotFound',
        message: expect.stringContaining(
          "Storage answered 404 for blob 'no.txt' in container 'documents'",
        ) as string,
      },
    });
  });

  it('with overwrite: false refuses to replace another writer’s blob but accepts its own re-run', async () => {
    const input = { operation: 'upload', blob: 'once.txt', content: 'v1', overwrite: false };
    await ok({ ...input, idempotencyKey: 'run-1/Upload' });
    const again = await ok({ ...input, idempotencyKey: 'run-1/Upload' });
    expect(again).toMatchObject({ blob: 'once.txt', contentLength: 2 });
    const other = await blob({
      ...input,
      connection: 'ARCHIVE',
      container: 'documents',
      idempotencyKey: 'run-2/Upload',
    });
    expect(other).toMatchObject({ ok: false, retryable: false, error: { code: 'BlobAlreadyExists' } });
    const properties = await sdk.getContainerClient('documents').getBlobClient('once.txt').getProperties();
    expect(properties.metadata?.[IDEMPOTENCY_METADATA]).toBe('run-1/Upload');
  });

  it('creates a missing container only when createContainer is set', async () => {
    const input = {
      operation: 'upload',
      connection: 'ARCHIVE',
      container: 'fresh-box',
      blob: 'a.txt',
      content: 'x',
    };
    expect(await blob(input)).toMatchObject({
      ok: false,
      retryable: false,
      error: { code: 'ContainerNotFound' },
    });
    expect(await blob({ ...input, createContainer: true })).toMatchObject({ ok: true });
    expect(await sdk.getContainerClient('fresh-box').getBlobClient('a.txt').exists()).toBe(true);
  });

  it.each([
    [{ operation: 'upload', blob: 'x' }, 'inputs.content: expected'],
    [
      { operation: 'rename', blob: 'x' },
      "inputs.operation: expected one of 'upload', 'download', 'list', 'delete', found \"rename\"",
    ],
    [{ operation: 'list', maxResults: 0 }, 'inputs.maxResults: Too small'],
    [
      { operation: 'upload', blob: 'x', content: 'x', metadata: { 'bad-name': 'v' } },
      'inputs.metadata.bad-name',
    ],
    [
      { operation: 'upload', blob: 'x', content: 'x', metadata: { who: 'Zoë' } },
      'inputs.metadata.who: expected printable ASCII',
    ],
  ])('rejects invalid input %j as terminal, naming the field', async (input, message) => {
    const result = await blob({ connection: 'ARCHIVE', container: 'documents', ...input });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidConnectorInput' } });
    expect(!result.ok && result.error.message).toContain(message);
  });

  it('accepts put/get and any letter case as the operation', async () => {
    await ok({ operation: 'PUT', blob: 'alias.txt', content: 'alias' });
    expect((await ok({ operation: 'Get', blob: 'alias.txt' })).content).toBe('alias');
  });
});
