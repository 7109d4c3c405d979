/**
 * Maps the action's messages to `@azure/service-bus` messages. Bodies always travel as bytes (an AMQP
 * data section), so a receiver in any language reads exactly what was sent: a string as UTF-8 text, a
 * `{"$content-type","$content"}` envelope as its base64-decoded bytes, anything else as JSON.
 *
 * `messageId` defaults to the engine's idempotency key (`<runId>/<loop path>/<action>`, plus `/<index>`
 * in a batch), so when the activity runs again after a crash, an entity with duplicate detection
 * drops the repeat. A key too long for Service Bus's 128 characters is replaced by its SHA-256.
 *
 * Every message carries the action's span as its `Diagnostic-Id` application property (a W3C
 * traceparent, where the Azure SDKs look for it) unless the author set one, so a consumer's spans
 * join the run's trace.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ServiceBusMessage } from '@azure/service-bus';
import { actionTraceparent } from '../../telemetry/ids';
import type { MessageInput, ServiceBusInput } from './input';

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function encodeBody(
  body: unknown,
  contentType: string | undefined,
): { body: Buffer; contentType: string | undefined } {
  if (body === undefined) return { body: Buffer.alloc(0), contentType };
  if (typeof body === 'string')
    return { body: Buffer.from(body, 'utf8'), contentType: contentType ?? 'text/plain; charset=utf-8' };
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && '$content' in body) {
    const envelope = body as Record<string, unknown>;
    return {
      body: Buffer.from(text(envelope['$content']), 'base64'),
      contentType: contentType ?? text(envelope['$content-type'] ?? 'application/octet-stream'),
    };
  }
  return { body: Buffer.from(JSON.stringify(body), 'utf8'), contentType: contentType ?? 'application/json' };
}

/** The idempotency key as a message id: at most 128 characters, with `/<index>` for batch members. */
export function defaultMessageId(idempotencyKey: string | undefined, index: number | undefined): string {
  if (idempotencyKey === undefined || idempotencyKey === '') return randomUUID();
  const suffix = index === undefined ? '' : `/${index}`;
  const base =
    idempotencyKey.length + suffix.length <= 128
      ? idempotencyKey
      : createHash('sha256').update(idempotencyKey).digest('hex');
  return `${base}${suffix}`;
}

export function toServiceBusMessages(input: ServiceBusInput): ServiceBusMessage[] {
  const batch = input.messages !== undefined;
  const list: MessageInput[] = input.messages ?? (input.message === undefined ? [] : [input.message]);
  return list.map((m, index) => toServiceBusMessage(m, input, batch ? index : undefined));
}

function toServiceBusMessage(
  m: MessageInput,
  input: ServiceBusInput,
  index: number | undefined,
): ServiceBusMessage {
  const { body, contentType } = encodeBody(m.body, m.contentType);
  const sessionId = m.sessionId ?? input.sessionId;
  const optional = {
    contentType,
    sessionId,
    correlationId: m.correlationId,
    subject: m.subject,
    partitionKey: m.partitionKey,
    replyTo: m.replyTo,
    replyToSessionId: m.replyToSessionId,
    to: m.to,
    timeToLive: m.timeToLive,
    scheduledEnqueueTimeUtc: m.scheduledEnqueueTimeUtc,
    applicationProperties: withDiagnosticId(m.applicationProperties, input),
  };
  const message: ServiceBusMessage = {
    body,
    messageId: m.messageId ?? defaultMessageId(input.idempotencyKey, index),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(message, { [key]: value });
  }
  return message;
}

function withDiagnosticId(
  properties: MessageInput['applicationProperties'],
  input: ServiceBusInput,
): MessageInput['applicationProperties'] {
  if (input.idempotencyKey === undefined || properties?.['Diagnostic-Id'] !== undefined) return properties;
  return { 'Diagnostic-Id': actionTraceparent(input.idempotencyKey, input.traceparent), ...properties };
}

/** Messages that must share a batch key (a session or partition): a batch never mixes two. */
export function batchKey(message: ServiceBusMessage): string {
  return message.sessionId ?? message.partitionKey ?? '';
}
