/**
 * ServiceBus (activity `flowline-servicebus`): sends one message or a batch to a queue or topic with
 * `@azure/service-bus`. A batch is packed with `createMessageBatch`; when one is full (or the next
 * message belongs to another session or partition) it is sent and a new one started, and the outputs
 * say how many messages went in how many batches, also when a later batch fails. The SDK does not
 * retry: the action's retry policy does, with the failure classified in `errors.ts`.
 */
import { createHash } from 'node:crypto';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { ServiceBusClient, type ServiceBusMessage, type ServiceBusMessageBatch } from '@azure/service-bus';
import {
  type Activity,
  type ActivityResult,
  type ConnectorContext,
  defineConnector,
  type Json,
  terminal,
} from '../activity';
import { CONNECTOR_ACTIVITIES } from '../../engine/activities';
import { scrub, type ServiceBusTarget, serviceBusTarget } from './connection';
import { classify } from './errors';
import { type ServiceBusInput, serviceBusInput } from './input';
import { batchKey, toServiceBusMessages } from './message';

/** The parts of the SDK the connector uses; tests put their own behind it. */
export type MessageBatch = ServiceBusMessageBatch;
export interface CallOptions {
  readonly abortSignal?: AbortSignal;
}
export interface Sender {
  createMessageBatch(options?: CallOptions): Promise<MessageBatch>;
  sendMessages(batch: MessageBatch, options?: CallOptions): Promise<void>;
  close(): Promise<void>;
}
export interface Clients {
  /** The longest one SDK call (connect, create a batch, send) may take. */
  readonly timeoutMs: number;
  /** A sender for `entityName` on the namespace `target` leads to. */
  sender(target: ServiceBusTarget, entityName: string): Sender;
  /** Drops the client of `target` (after a timeout or broken connection), so the next call starts afresh. */
  discard(target: ServiceBusTarget): void;
  close(): Promise<void>;
}

export interface ServiceBusOptions {
  /** One SDK operation (connect, create batch, send) may take this long. Default 60 s. */
  readonly timeoutMs?: number;
}

/** Real clients, one per connection (an AMQP connection is reused across calls). */
export function sdkClients(options: ServiceBusOptions = {}): Clients {
  const clients = new Map<string, ServiceBusClient>();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retryOptions = { maxRetries: 0, timeoutInMs: timeoutMs };
  const keyOf = (target: ServiceBusTarget): string =>
    createHash('sha256').update(JSON.stringify(target)).digest('base64url');
  return {
    timeoutMs,
    sender(target, entityName) {
      const key = keyOf(target);
      let client = clients.get(key);
      if (client === undefined) {
        client =
          target.kind === 'connectionString'
            ? new ServiceBusClient(target.connectionString, { retryOptions })
            : new ServiceBusClient(
                target.namespace,
                target.clientId === undefined
                  ? new DefaultAzureCredential()
                  : new ManagedIdentityCredential({ clientId: target.clientId }),
                { retryOptions },
              );
        clients.set(key, client);
      }
      return client.createSender(entityName);
    },
    discard(target) {
      const key = keyOf(target);
      const client = clients.get(key);
      clients.delete(key);
      void client?.close().catch(() => undefined);
    },
    async close() {
      const all = [...clients.values()];
      clients.clear();
      await Promise.all(all.map((client) => client.close()));
    },
  };
}

export function serviceBusConnector(
  clients: Clients = sdkClients(),
  context?: Partial<ConnectorContext>,
): Activity {
  return defineConnector(
    {
      name: CONNECTOR_ACTIVITIES.servicebus,
      input: serviceBusInput,
      async run(input, ctx) {
        if (input.operation !== 'send') {
          return terminal(
            'OperationNotSupported',
            `inputs.operation: expected 'send' (the only ServiceBus operation Flowline runs), found '${input.operation}'.`,
          );
        }
        const target = serviceBusTarget(input.connection, ctx.env);
        return send(clients, target, input);
      },
    },
    context,
  );
}

/** The registered activity, with real SDK clients. */
export const serviceBusActivity = serviceBusConnector();

async function send(
  clients: Clients,
  target: ServiceBusTarget,
  input: ServiceBusInput,
): Promise<ActivityResult> {
  const messages = toServiceBusMessages(input);
  const messageIds = messages.map((m) => String(m.messageId));
  const progress = { sent: 0, batches: 0 };
  // WDL outputs: `body('Publish')?['sent']` reads them, as for every connector.
  const outputs = (): Json => ({
    body: {
      entityName: input.entityName,
      sent: progress.sent,
      batches: progress.batches,
      messageIds,
      ...(input.message === undefined ? {} : { messageId: messageIds[0] ?? null }),
    },
  });
  let sender: Sender | undefined;
  try {
    sender = clients.sender(target, input.entityName);
    const tooLarge = await sendInBatches(deadlined(sender, clients.timeoutMs), messages, progress);
    if (tooLarge !== undefined) {
      return terminal(
        'MessageSizeExceeded',
        `messages[${tooLarge.index}]: expected a message that fits in one batch of at most ${tooLarge.max} bytes, found a larger one.`,
        outputs(),
      );
    }
    return { ok: true, outputs: outputs() };
  } catch (error) {
    const failure = classify(error, input.entityName, target);
    if (failure.code === 'ServiceCommunicationProblem' || failure.code === 'ServiceTimeout')
      clients.discard(target);
    return {
      ok: false,
      retryable: failure.retryable,
      error: { code: failure.code, message: scrub(failure.message, target) },
      outputs: outputs(),
    };
  } finally {
    // Not awaited: closing a link on a dead connection can hang as long as the connection does.
    void sender?.close().catch(() => undefined);
  }
}

class OperationTimeout extends Error {
  override readonly name = 'OperationTimeoutError';
}

/**
 * `sender` with each call bounded by `timeoutMs`: the SDK's own timeout does not cover a peer that
 * accepts the TCP connection and then never answers the TLS/AMQP handshake.
 */
function deadlined(sender: Sender, timeoutMs: number): Sender {
  const bounded = <T>(call: (options: CallOptions) => Promise<T>, what: string): Promise<T> => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new OperationTimeout(`${what} did not finish within ${timeoutMs} ms.`));
      }, timeoutMs);
    });
    return Promise.race([call({ abortSignal: controller.signal }), timeout]).finally(() =>
      clearTimeout(timer),
    );
  };
  return {
    createMessageBatch: () => bounded((o) => sender.createMessageBatch(o), 'Connecting and creating a batch'),
    sendMessages: (batch) => bounded((o) => sender.sendMessages(batch, o), 'Sending a batch'),
    close: () => sender.close(),
  };
}

/** Sends `messages` in as few batches as fit; the index of a message too large for any batch, if one is. */
async function sendInBatches(
  sender: Sender,
  messages: readonly ServiceBusMessage[],
  progress: { sent: number; batches: number },
): Promise<{ index: number; max: number } | undefined> {
  let batch: MessageBatch | undefined;
  let key = '';
  const flush = async (): Promise<void> => {
    if (batch !== undefined && batch.count > 0) {
      await sender.sendMessages(batch);
      progress.sent += batch.count;
      progress.batches += 1;
    }
    batch = undefined;
  };
  for (const [index, message] of messages.entries()) {
    if (batch !== undefined && batchKey(message) === key && batch.tryAddMessage(message)) continue;
    await flush();
    const fresh = await sender.createMessageBatch();
    if (!fresh.tryAddMessage(message)) return { index, max: fresh.maxSizeInBytes };
    batch = fresh;
    key = batchKey(message);
  }
  await flush();
  return undefined;
}
