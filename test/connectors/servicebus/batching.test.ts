/** Batches: packed with createMessageBatch, split when full or when the session changes, counted in the outputs. */
import { describe, expect, it } from 'vitest';
import { ServiceBusError } from '@azure/service-bus';
import { serviceBusConnector } from '../../../src/connectors/servicebus/index';
import { ENV, fakeClients, type FakeOptions, FRAMING_BYTES } from './fakes';

/** Messages whose bodies are `size` bytes each. */
const bodies = (count: number, size = 100): { body: string }[] =>
  Array.from({ length: count }, (_v, i) => ({ body: String(i % 10).repeat(size) }));

async function sendBatch(messages: Record<string, unknown>[], options: FakeOptions = {}) {
  const clients = fakeClients(options);
  const result = await serviceBusConnector(clients, { env: ENV })({
    operation: 'send',
    connection: 'ORDERS_BUS',
    entityName: 'orders-topic',
    messages,
    idempotencyKey: 'run/Send',
  });
  return { result, clients };
}

describe('batch sending', () => {
  it('sends messages that fit in one batch in a single send', async () => {
    const { result, clients } = await sendBatch(bodies(5));
    expect(clients.batches.map((b) => b.length)).toEqual([5]);
    expect(result).toMatchObject({
      ok: true,
      outputs: { body: { entityName: 'orders-topic', sent: 5, batches: 1 } },
    });
  });

  it.each([
    [10, 1_000, [5, 5]],
    [7, 600, [3, 3, 1]],
    [4, 200, [1, 1, 1, 1]],
  ])('splits %i messages into batches of at most %i bytes as %j', async (count, max, sizes) => {
    const { result, clients } = await sendBatch(bodies(count), { maxBatchBytes: max });
    expect(clients.batches.map((b) => b.length)).toEqual(sizes);
    expect(clients.batches.flat().map((m) => m.messageId)).toEqual(
      Array.from({ length: count }, (_v, i) => `run/Send/${i}`),
    );
    expect(result).toMatchObject({ ok: true, outputs: { body: { sent: count, batches: sizes.length } } });
  });

  it('never mixes two sessions in one batch, keeping the order', async () => {
    const messages = [
      { body: 'a1', sessionId: 'a' },
      { body: 'a2', sessionId: 'a' },
      { body: 'b1', sessionId: 'b' },
      { body: 'a3', sessionId: 'a' },
    ];
    const { clients } = await sendBatch(messages);
    expect(clients.batches.map((b) => b.map((m) => m.sessionId))).toEqual([['a', 'a'], ['b'], ['a']]);
  });

  it('closes the sender after sending', async () => {
    const { clients } = await sendBatch(bodies(2));
    expect(clients.closedSenders).toBe(1);
  });

  it('refuses a message too large for any batch as terminal MessageSizeExceeded, naming it', async () => {
    const messages = [...bodies(2), { body: 'x'.repeat(2_000) }, ...bodies(1)];
    const { result, clients } = await sendBatch(messages, { maxBatchBytes: 1_000 });
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: {
        code: 'MessageSizeExceeded',
        message:
          'messages[2]: expected a message that fits in one batch of at most 1000 bytes, found a larger one.',
      },
      outputs: { body: { sent: 2, batches: 1 } },
    });
    expect(clients.batches.flat()).toHaveLength(2);
    expect(FRAMING_BYTES).toBeGreaterThan(0);
  });

  it('reports how many messages were sent when a later batch fails', async () => {
    const busy = new ServiceBusError('The service is busy.', 'ServiceBusy');
    const { result } = await sendBatch(bodies(6), {
      maxBatchBytes: 600,
      failSend: (n) => (n === 1 ? busy : undefined),
    });
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      error: { code: 'ServiceBusy' },
      outputs: { body: { sent: 3, batches: 1, messageIds: bodies(6).map((_b, i) => `run/Send/${i}`) } },
    });
  });

  it('reports a single message with its messageId in the outputs', async () => {
    const clients = fakeClients();
    const result = await serviceBusConnector(clients, { env: ENV })({
      operation: 'send',
      connection: 'ORDERS_BUS',
      entityName: 'orders',
      message: { body: 'x' },
      idempotencyKey: 'run/One',
    });
    expect(result).toEqual({
      ok: true,
      outputs: {
        body: { entityName: 'orders', sent: 1, batches: 1, messageIds: ['run/One'], messageId: 'run/One' },
      },
    });
  });
});
