/**
 * The ServiceBus activity's input: the action's evaluated inputs plus the engine's idempotency key.
 * `operation` is `send` (any letter case); `message` is one message, `messages` a batch. Unknown
 * message fields are refused, so a misspelt property cannot be dropped silently.
 */
import { Duration } from 'luxon';
import { z } from 'zod';

/** Service Bus limits ids and session ids to 128 characters. */
const id = z.string().min(1).max(128);

const applicationValue = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'expected a string, number, boolean or null',
});

/** Milliseconds, or an ISO 8601 duration such as PT1H. */
const timeToLive = z.union([z.number().int().positive(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const duration = Duration.fromISO(value);
  const ms = duration.isValid ? duration.toMillis() : NaN;
  if (!(ms > 0)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a positive ISO 8601 duration such as PT1H or a number of milliseconds, found '${value}'`,
    });
    return z.NEVER;
  }
  return ms;
});

/** A UTC instant with an explicit zone (`Z` or an offset): a bare local time would be ambiguous. */
const instant = z.string().transform((value, ctx) => {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
  const date = new Date(value);
  if (!ok || Number.isNaN(date.getTime())) {
    ctx.addIssue({
      code: 'custom',
      message: `expected an ISO 8601 time with a zone such as 2025-01-31T09:00:00Z, found '${value}'`,
    });
    return z.NEVER;
  }
  return date;
});

export const messageInput = z.strictObject({
  /** A string is sent as UTF-8 text, `{"$content-type","$content"}` as bytes, anything else as JSON. */
  body: z.unknown().optional(),
  contentType: z.string().min(1).optional(),
  applicationProperties: z.record(z.string(), applicationValue).optional(),
  messageId: id.optional(),
  sessionId: id.optional(),
  correlationId: z.string().max(128).optional(),
  subject: z.string().optional(),
  partitionKey: id.optional(),
  replyTo: z.string().optional(),
  replyToSessionId: id.optional(),
  to: z.string().optional(),
  timeToLive: timeToLive.optional(),
  scheduledEnqueueTimeUtc: instant.optional(),
});

export type MessageInput = z.output<typeof messageInput>;

export const serviceBusInput = z
  .looseObject({
    operation: z
      .string()
      .min(1)
      .transform((op) => op.toLowerCase()),
    connection: z.string().min(1),
    /** Queue or topic. */
    entityName: z.string().min(1),
    message: messageInput.optional(),
    messages: z.array(messageInput).min(1).max(10_000).optional(),
    /** Session for every message that does not name its own. */
    sessionId: id.optional(),
    idempotencyKey: z.string().optional(),
    /** The run's incoming W3C traceparent, if any (the engine adds it). */
    traceparent: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.operation !== 'send') return;
    const both = input.message !== undefined && input.messages !== undefined;
    const neither = input.message === undefined && input.messages === undefined;
    if (both || neither) {
      ctx.addIssue({
        code: 'custom',
        path: ['message'],
        message: `expected exactly one of 'message' (one message) or 'messages' (a batch), found ${both ? 'both' : 'neither'}`,
      });
    }
  });

export type ServiceBusInput = z.output<typeof serviceBusInput>;
