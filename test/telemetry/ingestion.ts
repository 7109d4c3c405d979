/**
 * An Application Insights ingestion endpoint on loopback: accepts what the Azure Monitor exporters
 * POST to `/v2.1/track` (gzip or plain JSON, an array or one envelope per line) and keeps every
 * envelope, so a test can read what a real Function App would have sent to Azure. HTTPS only, as
 * the exporters insist: the process that sends must trust `certificates.ca`.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { TestCertificates } from '../connectors/http/certs';

export interface Envelope {
  readonly name: string;
  readonly tags?: Record<string, string>;
  readonly data?: { readonly baseType?: string; readonly baseData?: Record<string, unknown> };
}

export interface Ingestion {
  readonly url: string;
  readonly envelopes: Envelope[];
  close(): Promise<void>;
}

export async function startIngestion(certificates: TestCertificates): Promise<Ingestion> {
  const envelopes: Envelope[] = [];
  const server = createServer(certificates.server, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const text = body.toString('utf8').trim();
      const parsed: unknown = text.startsWith('[')
        ? JSON.parse(text)
        : text.split('\n').map((line) => JSON.parse(line) as unknown);
      const received = parsed as Envelope[];
      envelopes.push(...received);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: received.length, itemsAccepted: received.length, errors: [] }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    envelopes,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
