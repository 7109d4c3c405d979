/**
 * Recording stand-ins for the Service Bus SDK (unit tests of the connector's own mapping, batching
 * and classification; no emulator runs here). A batch holds messages up to `maxBatchBytes`, counting
 * each message as its body length plus 100 bytes of framing.
 */
import type { ServiceBusMessage } from '@azure/service-bus';
import type { Clients, MessageBatch, Sender } from '../../../src/connectors/servicebus/index';
import type { ServiceBusTarget } from '../../../src/connectors/servicebus/connection';

export const FRAMING_BYTES = 100;

export class FakeBatch implements MessageBatch {
  readonly messages: ServiceBusMessage[] = [];
  sizeInBytes = 0;
  constructor(readonly maxSizeInBytes: number) {}
  get count(): number {
    return this.messages.length;
  }
  tryAddMessage(message: Parameters<MessageBatch['tryAddMessage']>[0]): boolean {
    const body = (message as ServiceBusMessage).body as Buffer;
    const size = body.length + FRAMING_BYTES;
    if (this.sizeInBytes + size > this.maxSizeInBytes) return false;
    this.messages.push(message);
    this.sizeInBytes += size;
    return true;
  }
}

export interface FakeOptions {
  readonly maxBatchBytes?: number;
  /** Called before each send (0-based); an error it returns is thrown by `sendMessages`. */
  readonly failSend?: (sendIndex: number) => Error | undefined;
  /** Thrown by `createMessageBatch`. */
  readonly failCreate?: Error;
  /** `createMessageBatch` never settles (a peer that accepts and never answers). */
  readonly hang?: boolean;
  readonly timeoutMs?: number;
}

export interface FakeClients extends Clients {
  /** The batches sent, in order, each as the messages it held. */
  readonly batches: ServiceBusMessage[][];
  readonly targets: { target: ServiceBusTarget; entityName: string }[];
  readonly closedSenders: number;
  /** How often the connector dropped the client after a broken connection or timeout. */
  readonly discarded: number;
}

export function fakeClients(options: FakeOptions = {}): FakeClients {
  const batches: ServiceBusMessage[][] = [];
  const targets: { target: ServiceBusTarget; entityName: string }[] = [];
  let closedSenders = 0;
  let discarded = 0;
  const sender: Sender = {
    createMessageBatch() {
      if (options.hang) return new Promise<never>(() => undefined);
      if (options.failCreate) return Promise.reject(options.failCreate);
      return Promise.resolve(new FakeBatch(options.maxBatchBytes ?? 256 * 1024));
    },
    sendMessages(batch) {
      const failure = options.failSend?.(batches.length);
      if (failure) return Promise.reject(failure);
      batches.push([...(batch as FakeBatch).messages]);
      return Promise.resolve();
    },
    close() {
      closedSenders += 1;
      return Promise.resolve();
    },
  };
  return {
    timeoutMs: options.timeoutMs ?? 1_000,
    discard: () => void (discarded += 1),
    get discarded() {
      return discarded;
    },
    batches,
    targets,
    get closedSenders() {
      return closedSenders;
    },
    sender(target, entityName) {
      targets.push({ target, entityName });
      return sender;
    },
    close: () => Promise.resolve(),
  };
}

/** A connection string whose key must never show in results. */
export const SB_KEY = 'c2VjcmV0LWtleS1uZXZlci1zaG93bi0xMjM0NTY3ODkw=';
export const SB_CONNECTION = `Endpoint=sb://flowline-test.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${SB_KEY}`;
export const ENV = { ORDERS_BUS: SB_CONNECTION };
