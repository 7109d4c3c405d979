import { z } from 'zod';
import * as c from '../common';

const description =
  'Flowline connector: sends a message or a batch to an Azure Service Bus queue or topic (connection names an app setting).';

const text = z.string().optional();

/** One message of the `send` operation; the connector refuses fields it does not know. */
const message = z
  .union([
    z.looseObject({
      body: c.anyValue.optional().meta({
        description:
          'Text is sent as UTF-8, {"$content-type", "$content"} as base64 bytes, anything else as JSON.',
      }),
      contentType: text,
      applicationProperties: z
        .union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), c.expression])
        .optional(),
      messageId: text.meta({
        description: "Default: the engine's idempotency key (for duplicate detection).",
      }),
      sessionId: text,
      correlationId: text,
      subject: text,
      partitionKey: text,
      replyTo: text,
      replyToSessionId: text,
      to: text,
      timeToLive: c.numberOrExpression
        .optional()
        .meta({ description: 'Milliseconds, or an ISO 8601 duration such as PT1H.' }),
      scheduledEnqueueTimeUtc: text.meta({
        description: 'ISO 8601 time with a zone, e.g. 2025-01-31T09:00:00Z.',
      }),
    }),
    c.expression,
  ])
  .meta({ id: 'ServiceBusMessage' });

/** Flowline connector `flowline-servicebus`: Azure Service Bus through `@azure/service-bus`. */
export const serviceBusAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('ServiceBus'),
    inputs: z.looseObject({
      operation: c.ci('send', 'receive', 'complete', 'abandon', 'deadLetter', 'renewLock').meta({
        description: 'Only send runs; the other operations fail with OperationNotSupported.',
      }),
      connection: z.string().meta({
        description:
          'Name of the app setting with the connection string, or prefix of <name>__fullyQualifiedNamespace for managed identity.',
      }),
      entityName: z.string().meta({ description: 'Queue or topic.' }),
      message: message.optional(),
      messages: z
        .union([z.array(message), c.expression])
        .optional()
        .meta({ description: 'A batch, sent in as few AMQP batches as fit.' }),
      sessionId: z.string().optional().meta({ description: 'Session of every message without its own.' }),
      lockToken: z.string().optional(),
      retryPolicy: c.retryPolicy.optional().meta({ description: 'Retries of the call, as in Http.' }),
    }),
  })
  .meta({ title: 'ServiceBus', description });
