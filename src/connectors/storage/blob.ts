/**
 * BlobStorage (activity `flowline-blob`): upload, download, list and delete block blobs with
 * `@azure/storage-blob`. Uploads take text, JSON or a base64 `$content` envelope with a content type
 * and metadata; `overwrite: false` writes only if the blob does not exist, and recognises its own
 * earlier write (same idempotency key) after an activity re-run. Deletes are idempotent.
 */
import { MAX_RESPONSE_BYTES } from '../http/reason';
import type { Readable } from 'node:stream';
import type { ContainerClient } from '@azure/storage-blob';
import { z } from 'zod';
import { type Activity, type ConnectorContext, defineConnector, type Json } from '../activity';
import { CONNECTOR_ACTIVITIES } from '../../engine/activities';
import { TerminalError } from '../errors';
import { type StorageOptions, StorageClients } from './clients';
import { decodeContent, encodeContent, iso, metadataInput } from './content';
import { restCode, storageError, type Subject } from './errors';
import { baseShape, byOperation } from './input';

/** The largest blob `download` reads into the action's outputs. */
export const MAX_DOWNLOAD_BYTES = MAX_RESPONSE_BYTES;
/** Metadata entry that marks who wrote a blob uploaded with `overwrite: false`. */
export const IDEMPOTENCY_METADATA = 'flowline_idempotency_key';

const target = { ...baseShape, container: z.string().min(1) };
const named = { ...target, blob: z.string().min(1) };

export const blobInput = byOperation({ put: 'upload', get: 'download' }, [
  z.object({
    ...named,
    operation: z.literal('upload'),
    content: z.unknown().optional(),
    contentType: z.string().min(1).optional(),
    metadata: metadataInput.optional(),
    overwrite: z.boolean().default(true),
    createContainer: z.boolean().default(false),
  }),
  z.object({ ...named, operation: z.literal('download') }),
  z.object({
    ...target,
    operation: z.literal('list'),
    prefix: z.string().optional(),
    maxResults: z.number().int().min(1).max(5000).default(1000),
    marker: z.string().min(1).optional(),
  }),
  z.object({ ...named, operation: z.literal('delete') }),
]);

type BlobInput = z.output<typeof blobInput>;
type Upload = Extract<BlobInput, { operation: 'upload' }>;
type List = Extract<BlobInput, { operation: 'list' }>;

export function blobConnector(options: StorageOptions = {}, context?: Partial<ConnectorContext>): Activity {
  const clients = new StorageClients(options);
  return defineConnector(
    {
      name: CONNECTOR_ACTIVITIES.blobstorage,
      input: blobInput,
      async run(input, ctx) {
        const { client, secrets } = clients.blob(input.connection, ctx.env);
        const container = client.getContainerClient(input.container);
        const subject: Subject =
          'blob' in input
            ? { what: `blob '${input.blob}' in container '${input.container}'`, notFound: 'BlobNotFound' }
            : { what: `container '${input.container}'` };
        try {
          return { ok: true, outputs: { body: await runOperation(container, input, clients.deadline()) } };
        } catch (error) {
          throw storageError(error, subject, secrets);
        }
      },
    },
    context,
  );
}

export const blobStorageConnector = blobConnector();

async function runOperation(
  container: ContainerClient,
  input: BlobInput,
  abortSignal: AbortSignal,
): Promise<Json> {
  switch (input.operation) {
    case 'upload':
      return upload(container, input, abortSignal);
    case 'download':
      return download(container, input.blob, abortSignal);
    case 'list':
      return list(container, input, abortSignal);
    case 'delete': {
      const result = await container.getBlobClient(input.blob).deleteIfExists({
        deleteSnapshots: 'include',
        abortSignal,
      });
      return { container: input.container, blob: input.blob, deleted: result.succeeded };
    }
  }
}

async function upload(container: ContainerClient, input: Upload, abortSignal: AbortSignal): Promise<Json> {
  const { body, contentType } = encodeContent(input.content, input.contentType);
  const client = container.getBlockBlobClient(input.blob);
  const mark = !input.overwrite && input.idempotencyKey !== undefined;
  const metadata = { ...input.metadata, ...(mark ? { [IDEMPOTENCY_METADATA]: input.idempotencyKey } : {}) };
  const send = () =>
    client.uploadData(body, {
      blobHTTPHeaders: { blobContentType: contentType },
      metadata,
      ...(input.overwrite ? {} : { conditions: { ifNoneMatch: '*' } }),
      abortSignal,
    });
  let result;
  try {
    result = await send().catch(async (error: unknown) => {
      if (!input.createContainer || restCode(error) !== 'ContainerNotFound') throw error;
      await container.createIfNotExists({ abortSignal });
      return send();
    });
  } catch (error) {
    // A re-run of an upload that already happened: the blob carries this action's idempotency key.
    if (!mark || (restCode(error) !== 'BlobAlreadyExists' && restCode(error) !== 'ConditionNotMet'))
      throw error;
    const existing = await client.getProperties({ abortSignal });
    if (existing.metadata?.[IDEMPOTENCY_METADATA] !== input.idempotencyKey) throw error;
    result = existing;
  }
  return {
    container: input.container,
    blob: input.blob,
    url: withoutQuery(client.url),
    etag: result.etag ?? null,
    lastModified: iso(result.lastModified),
    contentType,
    contentLength: body.length,
    ...(result.versionId === undefined ? {} : { versionId: result.versionId }),
  };
}

async function download(container: ContainerClient, blob: string, abortSignal: AbortSignal): Promise<Json> {
  const response = await container.getBlobClient(blob).download(0, undefined, { abortSignal });
  const length = response.contentLength ?? 0;
  if (length > MAX_DOWNLOAD_BYTES) {
    response.readableStreamBody?.destroy();
    throw new TerminalError(
      'BlobTooLarge',
      `Blob '${blob}' is ${length} bytes: expected at most ${MAX_DOWNLOAD_BYTES} bytes for download.`,
    );
  }
  const body = await readAll(response.readableStreamBody);
  return {
    container: container.containerName,
    blob,
    content: decodeContent(body, response.contentType),
    contentType: response.contentType ?? null,
    contentLength: body.length,
    etag: response.etag ?? null,
    lastModified: iso(response.lastModified),
    metadata: lowerKeys(response.metadata),
  };
}

async function list(container: ContainerClient, input: List, abortSignal: AbortSignal): Promise<Json> {
  const { prefix, maxResults, marker } = input;
  const pages = container
    .listBlobsFlat({ includeMetadata: true, ...(prefix === undefined ? {} : { prefix }), abortSignal })
    .byPage({ maxPageSize: maxResults, ...(marker === undefined ? {} : { continuationToken: marker }) });
  const next = await pages.next();
  const page = next.done === true ? undefined : next.value;
  const items = page?.segment.blobItems ?? [];
  return {
    container: container.containerName,
    prefix: prefix ?? '',
    blobs: items.map((item) => ({
      name: item.name,
      contentType: item.properties.contentType ?? null,
      contentLength: item.properties.contentLength ?? null,
      etag: item.properties.etag,
      lastModified: iso(item.properties.lastModified),
      metadata: lowerKeys(item.metadata),
    })),
    count: items.length,
    nextMarker: page?.continuationToken || null,
  };
}

async function readAll(stream: Readable | NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (stream === undefined) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** Metadata names are case-insensitive; Node reads them from headers in lower case, so lists do too. */
function lowerKeys(metadata: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  return parsed.href;
}
