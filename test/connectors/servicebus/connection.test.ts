/**
 * The real `@azure/service-bus` client against loopback TCP ports (no emulator runs here): one that
 * refuses connections, one that closes every connection at once, and one that accepts and never
 * answers. Each must surface as a retryable failure within the short timeout, without the connection
 * string or its key in the result. The TLS (amqps) path is used, as against a real namespace.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clients, sdkClients, serviceBusConnector } from '../../../src/connectors/servicebus/index';

const KEY = 'bG9vcGJhY2sta2V5LW5ldmVyLXNob3duLTk4NzY1NDMyMTA=';
const sockets = new Set<Socket>();
const servers: Server[] = [];
let clients: Clients;
const ports = { refusing: 0, closing: 0, silent: 0 };
/** Connections each port accepted (nothing listens on `refusing`). */
const accepted = { refusing: 0, closing: 0, silent: 0 };

async function listen(which: 'closing' | 'silent', onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    accepted[which] += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  clients = sdkClients({ timeoutMs: 1_500 });
  ports.closing = await listen('closing', (socket) => socket.destroy());
  ports.silent = await listen('silent', () => undefined);
  const released = createServer();
  await new Promise<void>((resolve) => released.listen(0, 'localhost', resolve));
  ports.refusing = (released.address() as AddressInfo).port;
  await new Promise<void>((resolve) => released.close(() => resolve()));
});
afterAll(async () => {
  await clients.close();
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

const connectionString = (port: number): string =>
  `Endpoint=sb://localhost:${port}/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${KEY}`;

describe('a real connection attempt', () => {
  it.each([
    ['refuses the connection', 'refusing', 'ServiceCommunicationProblem'],
    ['closes the connection at once', 'closing', 'ServiceCommunicationProblem'],
    ['accepts and never answers', 'silent', 'ServiceTimeout'],
  ] as const)('to a port that %s fails retryably and quickly', async (_label, which, code) => {
    const started = Date.now();
    const bus = connectionString(ports[which]);
    const result = await serviceBusConnector(clients, { env: { BUS: bus } })({
      operation: 'send',
      connection: 'BUS',
      entityName: 'orders',
      messages: [{ body: { id: 1 } }, { body: { id: 2 } }],
      idempotencyKey: 'run/Send',
    });
    expect(result).toMatchObject({ ok: false, retryable: true, outputs: { body: { sent: 0, batches: 0 } } });
    expect(!result.ok && result.error.code).toBe(code);
    expect(!result.ok && result.error.message).toMatch(/^Sending to 'orders' failed/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(accepted[which] > 0).toBe(which !== 'refusing');
    const text = JSON.stringify(result);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(bus);
  });
});
