/**
 * A real HTTP backend on loopback that counts every request it receives per idempotency key (the
 * side effects a real backend would perform twice without deduplication) and can misbehave on
 * purpose: fail, throttle, hang, reset the connection mid-answer or answer bytes that are not HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Hit {
  readonly method: string;
  readonly path: string;
  readonly key: string | undefined;
  readonly body: unknown;
  readonly at: number;
}

export type Behaviour =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Record<string, string>;
      /** Answer after this many ms. */
      readonly delayMs?: number;
    }
  /** Never answer (the socket stays open until the client gives up). */
  | { readonly kind: 'hang' }
  /** Send the status line, headers and part of the body, then destroy the socket. */
  | { readonly kind: 'reset' }
  /** Write these bytes to the socket as they are, then close it. */
  | { readonly kind: 'raw'; readonly bytes: string };

export interface CountingBackend {
  readonly url: string;
  readonly hits: Hit[];
  /** Requests per idempotency key. */
  readonly perKey: Map<string, number>;
  hitsTo(prefix: string): Hit[];
  close(): Promise<void>;
}

/** `behave` gets the hit and its attempt number: how many requests its idempotency key has had, this one included. */
export async function startCountingBackend(
  behave: (hit: Hit, attempt: number) => Behaviour,
): Promise<CountingBackend> {
  const hits: Hit[] = [];
  const perKey = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const hit = record(req, Buffer.concat(chunks).toString('utf8'));
      hits.push(hit);
      const attempt = hit.key === undefined ? 1 : (perKey.get(hit.key) ?? 0) + 1;
      if (hit.key !== undefined) perKey.set(hit.key, attempt);
      perform(behave(hit, attempt), res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    perKey,
    hitsTo: (prefix) => hits.filter((h) => h.path.startsWith(prefix)),
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

function record(req: IncomingMessage, text: string): Hit {
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const key = req.headers['idempotency-key'];
  return {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    key: typeof key === 'string' ? key : undefined,
    body,
    at: Date.now(),
  };
}

function perform(behaviour: Behaviour, res: ServerResponse): void {
  switch (behaviour.kind) {
    case 'answer': {
      const json = behaviour.body !== undefined && typeof behaviour.body !== 'string';
      const payload =
        behaviour.body === undefined ? '' : json ? JSON.stringify(behaviour.body) : String(behaviour.body);
      res.writeHead(behaviour.status, {
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...behaviour.headers,
      });
      if (behaviour.delayMs === undefined) res.end(payload);
      else setTimeout(() => res.end(payload), behaviour.delayMs);
      return;
    }
    case 'hang':
      return;
    case 'reset':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial": tr', () => res.socket?.destroy());
      return;
    case 'raw':
      res.socket?.end(behaviour.bytes);
      return;
  }
}
