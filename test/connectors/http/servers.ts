/**
 * Real loopback backends for the Http connector tests: a `node:http` server on 127.0.0.1, port 0,
 * that records every request it receives (method, url, headers, body bytes) and answers through
 * per-path handlers registered by the test. Unknown paths answer 404.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EgressPolicy } from '../../../src/connectors/http/egress';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Handler = (request: RecordedRequest, res: ServerResponse) => void;

export interface Backend {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Answer requests whose path (without query) is `path`. */
  on(path: string, handler: Handler): void;
  /** Requests whose path (without query) is `path`. */
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

/** Policy equivalent to an environment without FLOWLINE_EGRESS_* settings: loopback reachable. */
export const DEFAULT_EGRESS: EgressPolicy = { deny: [], blockMetadata: true };

const pathOf = (url: string): string => url.split('?')[0] ?? url;

export async function startBackend(): Promise<Backend> {
  const handlers = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      const handler = handlers.get(pathOf(recorded.url));
      if (handler) handler(recorded, res);
      else reply(res, 404, 'no route');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    on: (path, handler) => void handlers.set(path, handler),
    requestsTo: (path) => requests.filter((r) => pathOf(r.url) === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a complete answer: strings and Buffers as is, anything else as JSON. */
export function reply(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const json = body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
  const payload = body === undefined ? '' : json ? JSON.stringify(body) : body;
  res.writeHead(status, { ...(json ? { 'content-type': 'application/json' } : {}), ...headers });
  res.end(payload);
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
