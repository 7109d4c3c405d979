/**
 * QueueStorage (activity `flowline-queue`): send, receive, peek and delete messages with
 * `@azure/storage-queue`. A message is text or JSON (sent as JSON text); `messageEncoding: base64`
 * matches Functions queue triggers, which expect base64. `idempotencyKeyProperty` writes the engine's
 * idempotency key into a JSON message so consumers can drop the duplicate of a re-run send.
 */
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import { type Activity, type ConnectorContext, defineConnector, type Json } from '../activity';
import { CONNECTOR_ACTIVITIES } from '../../engine/activities';
import { TerminalError } from '../errors';
import { type StorageOptions, StorageClients } from './clients';
import { iso } from './content';
import { restCode, storageError } from './errors';
import { baseShape, byOperation, seconds } from './input';

const SEVEN_DAYS = 7 * 24 * 3600;

const target = {
  ...baseShape,
  queue: z.string().min(1),
  messageEncoding: z.enum(['none', 'base64']).default('none'),
};

export const queueInput = byOperation({}, [
  z.object({
    ...target,
    operation: z.literal('send'),
    message: z.unknown().optional(),
    visibilityTimeout: seconds(0, SEVEN_DAYS).optional(),
    timeToLive: z.union([z.literal(-1), seconds(1, Number.MAX_SAFE_INTEGER)]).optional(),
    idempotencyKeyProperty: z.string().min(1).optional(),
    createQueue: z.boolean().default(false),
  }),
  z.object({
    ...target,
    operation: z.literal('receive'),
    maxMessages: z.number().int().min(1).max(32).default(1),
    visibilityTimeout: seconds(1, SEVEN_DAYS).default(30),
  }),
  z.object({
    ...target,
    operation: z.literal('peek'),
    maxMessages: z.number().int().min(1).max(32).default(1),
  }),
  z.object({
    ...target,
    operation: z.literal('delete'),
    messageId: z.string().min(1),
    popReceipt: z.string().min(1),
  }),
]);

type QueueInput = z.output<typeof queueInput>;
type Send = Extract<QueueInput, { operation: 'send' }>;

export function queueConnector(options: StorageOptions = {}, context?: Partial<ConnectorContext>): Activity {
  const clients = new StorageClients(options);
  return defineConnector(
    {
      name: CONNECTOR_ACTIVITIES.queuestorage,
      input: queueInput,
      async run(input, ctx) {
        const { client, secrets } = clients.queue(input.connection, ctx.env);
        const queue = client.getQueueClient(input.queue);
        const what =
          input.operation === 'delete'
            ? `message '${input.messageId}' in queue '${input.queue}'`
            : `queue '${input.queue}'`;
        try {
          return { ok: true, outputs: { body: await runOperation(queue, input, clients.deadline()) } };
        } catch (error) {
          throw storageError(error, { what }, secrets);
        }
      },
    },
    context,
  );
}

export const queueStorageConnector = queueConnector();

async function runOperation(queue: QueueClient, input: QueueInput, abortSignal: AbortSignal): Promise<Json> {
  const decode = (text: string): string =>
    input.messageEncoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
  switch (input.operation) {
    case 'send':
      return send(queue, input, abortSignal);
    case 'receive': {
      const result = await queue.receiveMessages({
        numberOfMessages: input.maxMessages,
        visibilityTimeout: input.visibilityTimeout,
        abortSignal,
      });
      const messages = result.receivedMessageItems.map((m) => ({
        messageId: m.messageId,
        popReceipt: m.popReceipt,
        text: decode(m.messageText),
        dequeueCount: m.dequeueCount,
        insertedOn: iso(m.insertedOn),
        expiresOn: iso(m.expiresOn),
        nextVisibleOn: iso(m.nextVisibleOn),
      }));
      return { queue: input.queue, messages, count: messages.length };
    }
    case 'peek': {
      const result = await queue.peekMessages({ numberOfMessages: input.maxMessages, abortSignal });
      const messages = result.peekedMessageItems.map((m) => ({
        messageId: m.messageId,
        text: decode(m.messageText),
        dequeueCount: m.dequeueCount,
        insertedOn: iso(m.insertedOn),
        expiresOn: iso(m.expiresOn),
      }));
      return { queue: input.queue, messages, count: messages.length };
    }
    case 'delete':
      await queue.deleteMessage(input.messageId, input.popReceipt, { abortSignal });
      return { queue: input.queue, messageId: input.messageId, deleted: true };
  }
}

async function send(queue: QueueClient, input: Send, abortSignal: AbortSignal): Promise<Json> {
  const text = messageText(input);
  const body = input.messageEncoding === 'base64' ? Buffer.from(text, 'utf8').toString('base64') : text;
  const options = {
    ...(input.visibilityTimeout === undefined ? {} : { visibilityTimeout: input.visibilityTimeout }),
    ...(input.timeToLive === undefined ? {} : { messageTimeToLive: input.timeToLive }),
  };
  const result = await queue.sendMessage(body, { ...options, abortSignal }).catch(async (error: unknown) => {
    if (!input.createQueue || restCode(error) !== 'QueueNotFound') throw error;
    await queue.createIfNotExists({ abortSignal });
    return queue.sendMessage(body, { ...options, abortSignal });
  });
  return {
    queue: input.queue,
    messageId: result.messageId,
    popReceipt: result.popReceipt,
    insertedOn: iso(result.insertedOn),
    expiresOn: iso(result.expiresOn),
    nextVisibleOn: iso(result.nextVisibleOn),
  };
}

function messageText(input: Send): string {
  const { message, idempotencyKeyProperty: property } = input;
  if (message === undefined || message === null) {
    throw new TerminalError(
      'InvalidConnectorInput',
      `inputs.message: expected text or JSON to send, found ${message === null ? 'null' : 'nothing'}.`,
    );
  }
  if (property === undefined || input.idempotencyKey === undefined) {
    return typeof message === 'string' ? message : JSON.stringify(message);
  }
  if (typeof message !== 'object' || Array.isArray(message)) {
    throw new TerminalError(
      'InvalidConnectorInput',
      `inputs.idempotencyKeyProperty: expected the message to be a JSON object, found ${Array.isArray(message) ? 'array' : typeof message}.`,
    );
  }
  return JSON.stringify({ ...message, [property]: input.idempotencyKey });
}
