import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityResult, Json } from '../../../src/connectors/activity';
import { queueConnector } from '../../../src/connectors/storage/queue';
import { type Azurite, startAzurite } from './azurite';

type Outputs = Record<string, Json>;
type Message = { messageId: string; popReceipt: string; text: string; dequeueCount: number };

describe('QueueStorage connector on Azurite', () => {
  let azurite: Azurite;
  let sdk: QueueServiceClient;
  let queue: (input: Record<string, unknown>) => Promise<ActivityResult>;
  let n = 0;
  const ok = async (input: Record<string, unknown>): Promise<Outputs> => {
    const result = await queue({ connection: 'QUEUES', ...input });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return (result.outputs as { body: Outputs }).body;
  };
  /** A new, empty queue per test. */
  const fresh = async (): Promise<string> => {
    const name = `work-${++n}`;
    await sdk.getQueueClient(name).create();
    return name;
  };

  beforeAll(async () => {
    azurite = await startAzurite();
    sdk = QueueServiceClient.fromConnectionString(azurite.connectionString);
    queue = queueConnector({}, { env: { QUEUES: azurite.connectionString } });
  });
  afterAll(() => azurite.stop());

  it.each([
    ['text as it is', 'invoice INV-1 archived', 'invoice INV-1 archived'],
    ['JSON as JSON text', { invoice: 'INV-1', pages: 2 }, '{"invoice":"INV-1","pages":2}'],
  ])('sends %s', async (_kind, message, text) => {
    const name = await fresh();
    const sent = await ok({ operation: 'send', queue: name, message });
    expect(sent).toMatchObject({
      queue: name,
      messageId: expect.any(String) as string,
      popReceipt: expect.any(String) as string,
    });
    const [peeked] = (await sdk.getQueueClient(name).peekMessages()).peekedMessageItems;
    expect(peeked).toMatchObject({ messageId: sent.messageId, messageText: text });
  });

  it('receives up to maxMessages, hides them for the visibility timeout, and deletes one by pop receipt', async () => {
    const name = await fresh();
    for (const m of ['a', 'b', 'c']) await ok({ operation: 'send', queue: name, message: m });
    const got = await ok({ operation: 'receive', queue: name, maxMessages: 2, visibilityTimeout: 60 });
    const messages = got.messages as unknown as Message[];
    expect(got.count).toBe(2);
    expect(messages.map((m) => m.text)).toEqual(['a', 'b']);
    expect(messages[0]?.dequeueCount).toBe(1);
    expect(
      ((await ok({ operation: 'receive', queue: name, maxMessages: 32 })).messages as Json[]).length,
    ).toBe(1);
    const first = messages[0] as Message;
    expect(
      await ok({
        operation: 'delete',
        queue: name,
        messageId: first.messageId,
        popReceipt: first.popReceipt,
      }),
    ).toEqual({ queue: name, messageId: first.messageId, deleted: true });
    const left = await sdk.getQueueClient(name).getProperties();
    expect(left.approximateMessagesCount).toBe(2);
  });

  it('peeks without hiding or counting a dequeue', async () => {
    const name = await fresh();
    await ok({ operation: 'send', queue: name, message: 'p' });
    const peeked = await ok({ operation: 'Peek', queue: name, maxMessages: 5 });
    expect(peeked).toMatchObject({ count: 1, messages: [{ text: 'p', dequeueCount: 0 }] });
    expect(peeked.messages).not.toContainEqual(
      expect.objectContaining({ popReceipt: expect.anything() as unknown }),
    );
    expect((await ok({ operation: 'receive', queue: name })).count).toBe(1);
  });

  it('applies visibilityTimeout and timeToLive to a sent message', async () => {
    const name = await fresh();
    const sent = await ok({
      operation: 'send',
      queue: name,
      message: 'later',
      visibilityTimeout: 120,
      timeToLive: 3600,
    });
    const inserted = Date.parse(sent.insertedOn as string);
    expect(Date.parse(sent.nextVisibleOn as string) - inserted).toBeGreaterThanOrEqual(119_000);
    expect(Date.parse(sent.expiresOn as string) - inserted).toBeGreaterThanOrEqual(3_599_000);
    expect((await ok({ operation: 'receive', queue: name })).count).toBe(0);
  });

  it('writes and reads base64 messages for Functions queue triggers', async () => {
    const name = await fresh();
    await ok({ operation: 'send', queue: name, message: { id: 7 }, messageEncoding: 'base64' });
    const [raw] = (await sdk.getQueueClient(name).peekMessages()).peekedMessageItems;
    expect(Buffer.from(raw?.messageText ?? '', 'base64').toString()).toBe('{"id":7}');
    const got = await ok({ operation: 'receive', queue: name, messageEncoding: 'base64' });
    expect(got.messages).toEqual([expect.objectContaining({ text: '{"id":7}' })]);
  });

  it('writes the idempotency key into a JSON message under idempotencyKeyProperty', async () => {
    const name = await fresh();
    const message = { invoice: 'INV-9' };
    await ok({
      operation: 'send',
      queue: name,
      message,
      idempotencyKeyProperty: 'sendId',
      idempotencyKey: 'r1/Notify',
    });
    const [raw] = (await sdk.getQueueClient(name).peekMessages()).peekedMessageItems;
    expect(JSON.parse(raw?.messageText ?? '')).toEqual({ invoice: 'INV-9', sendId: 'r1/Notify' });
  });

  it('creates a missing queue on send only when createQueue is set', async () => {
    const input = { operation: 'send', connection: 'QUEUES', queue: 'not-yet', message: 'x' };
    expect(await queue(input)).toMatchObject({
      ok: false,
      retryable: false,
      error: { code: 'QueueNotFound' },
    });
    expect(await queue({ ...input, createQueue: true })).toMatchObject({ ok: true });
    expect((await sdk.getQueueClient('not-yet').getProperties()).approximateMessagesCount).toBe(1);
  });

  it.each([
    ['a pop receipt that is no longer current', 'PopReceiptMismatch', 400],
    ['a message that is already deleted', 'MessageNotFound', 404],
  ])('fails a delete with %s as terminal %s', async (_case, code, status) => {
    const name = await fresh();
    await ok({ operation: 'send', queue: name, message: 'x' });
    const [got] = (await ok({ operation: 'receive', queue: name })).messages as unknown as Message[];
    const { messageId, popReceipt } = got as Message;
    const client = sdk.getQueueClient(name);
    if (code === 'MessageNotFound') await client.deleteMessage(messageId, popReceipt);
    else await client.updateMessage(messageId, popReceipt, 'x', 0);
    const result = await queue({
      operation: 'delete',
      connection: 'QUEUES',
      queue: name,
      messageId,
      popReceipt,
    });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code } });
    expect(!result.ok && result.error.message).toContain(
      `${status} for message '${messageId}' in queue '${name}'`,
    );
  });

  it.each([
    [{ operation: 'send', queue: 'q-x' }, 'inputs.message: expected text or JSON to send, found nothing'],
    [{ operation: 'receive', queue: 'q-x', maxMessages: 33 }, 'inputs.maxMessages: Too big'],
    [
      { operation: 'delete', queue: 'q-x', messageId: 'm' },
      'inputs.popReceipt: Invalid input: expected string',
    ],
    [
      { operation: 'send', queue: 'q-x', message: 'text', idempotencyKeyProperty: 'id', idempotencyKey: 'k' },
      'inputs.idempotencyKeyProperty: expected the message to be a JSON object, found string',
    ],
    [
      { operation: 'purge', queue: 'q-x' },
      "expected one of 'send', 'receive', 'peek', 'delete', found \"purge\"",
    ],
  ])('rejects invalid input %j as terminal, naming the field', async (input, message) => {
    const result = await queue({ connection: 'QUEUES', ...input });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidConnectorInput' } });
    expect(!result.ok && result.error.message).toContain(message);
  });
});
