import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZURITE_KEY } from '../../src/connectors/storage/connection';
import { type Azurite, startAzurite } from '../connectors/storage/azurite';
import { action, type Flowline, startFlowline } from './helpers';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

const invoice = (invoiceId: string) => ({
  invoiceId,
  customerId: 'C-42',
  amount: 1250.5,
  currency: 'EUR',
  document: { fileName: 'invoice.pdf', contentType: 'application/pdf', content: PDF.toString('base64') },
});

describe('workflows/archive-invoice.json on the embedded host with Azurite', () => {
  let azurite: Azurite;
  let flowline: Flowline;
  let blobs: BlobServiceClient;
  let queues: QueueServiceClient;
  let table: TableClient;

  beforeAll(async () => {
    azurite = await startAzurite();
    flowline = await startFlowline({ ARCHIVE_STORAGE: azurite.connectionString });
    blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
    queues = QueueServiceClient.fromConnectionString(azurite.connectionString);
    table = TableClient.fromConnectionString(azurite.connectionString, 'ArchivedInvoices', {
      allowInsecureConnection: true,
    });
  });
  afterAll(async () => {
    await flowline.stop();
    await azurite.stop();
  });

  it('uploads the document, queues it and records it, answering 201 with the blob name and ETag', async () => {
    const response = await flowline.invoke('archive-invoice', invoice('INV-1'));
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toEqual({
      invoiceId: 'INV-1',
      blob: 'C-42/INV-1/invoice.pdf',
      etag: expect.stringMatching(/^"?0x[0-9A-F]+"?$/) as string,
      messageId: expect.any(String) as string,
    });

    const blob = blobs.getContainerClient('invoices').getBlobClient(body.blob ?? '');
    expect(await blob.downloadToBuffer()).toEqual(PDF);
    const properties = await blob.getProperties();
    expect(properties).toMatchObject({ contentType: 'application/pdf', etag: body.etag });
    expect(properties.metadata).toMatchObject({ invoiceid: 'INV-1', customerid: 'C-42', amount: '1250.5' });

    const [message] = (await queues.getQueueClient('invoices-to-process').peekMessages()).peekedMessageItems;
    expect(message?.messageId).toBe(body.messageId);
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    expect(JSON.parse(message?.messageText ?? '')).toEqual({
      invoiceId: 'INV-1',
      customerId: 'C-42',
      container: 'invoices',
      blob: 'C-42/INV-1/invoice.pdf',
      etag: body.etag,
      sendId: expect.stringContaining(runId) as string,
    });

    const entity = await table.getEntity<Record<string, unknown>>('C-42', 'INV-1');
    expect(entity).toMatchObject({ amount: 1250.5, currency: 'EUR', blob: body.blob, blobEtag: body.etag });
    expect(entity.messageId).toBe(body.messageId);
    expect(entity.archivedAt).toBeInstanceOf(Date);
  });

  it('answers 409 for an invoice already archived, leaving the blob and queue as they were', async () => {
    const first = await flowline.invoke('archive-invoice', invoice('INV-2'));
    const { etag } = (await first.json()) as { etag: string };
    const queue = queues.getQueueClient('invoices-to-process');
    const before = (await queue.getProperties()).approximateMessagesCount;

    const again = await flowline.invoke('archive-invoice', invoice('INV-2'));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ invoiceId: 'INV-2', error: 'BlobAlreadyExists' });
    const props = await blobs
      .getContainerClient('invoices')
      .getBlobClient('C-42/INV-2/invoice.pdf')
      .getProperties();
    expect(props.etag).toBe(etag);
    expect((await queue.getProperties()).approximateMessagesCount).toBe(before);
  });

  it('fails the upload terminally, naming the setting and never its value, when the setting is missing', async () => {
    const saved = process.env.ARCHIVE_STORAGE;
    delete process.env.ARCHIVE_STORAGE;
    try {
      const response = await flowline.invoke('archive-invoice', invoice('INV-3'));
      expect(response.status).toBe(502);
      const view = await flowline.waitForRun(
        'archive-invoice',
        response.headers.get('x-flowline-run-id') ?? '',
      );
      const upload = action(view, 'Upload_document');
      expect(upload).toMatchObject({ status: 'Failed', error: { code: 'ConnectionNotConfigured' } });
      expect(upload.error?.message).toContain("app setting 'ARCHIVE_STORAGE'");
      expect(upload.retryHistory ?? []).toHaveLength(0);
      expect(JSON.stringify(view)).not.toContain(AZURITE_KEY);
    } finally {
      process.env.ARCHIVE_STORAGE = saved;
    }
  });

  it('rejects a request without a document with 400 and writes nothing', async () => {
    const { document: _document, ...rest } = invoice('INV-4');
    const response = await flowline.invoke('archive-invoice', rest);
    expect(response.status).toBe(400);
    expect(await blobs.getContainerClient('invoices').getBlobClient('C-42/INV-4/invoice.pdf').exists()).toBe(
      false,
    );
  });
});
