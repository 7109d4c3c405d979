import { z } from 'zod';
import * as c from '../common';

const description =
  'Flowline connector: sends, receives, peeks or deletes Azure Queue Storage messages (connection names an app setting).';

/** Flowline connector `flowline-queue`: Azure Queue Storage through `@azure/storage-queue`. */
export const queueStorageAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('QueueStorage'),
    inputs: z.looseObject({
      operation: c.ci('send', 'receive', 'delete', 'peek'),
      connection: z.string().meta({
        description:
          'Name of the app setting with the connection string, or prefix of <name>__queueServiceUri / <name>__accountUrl for managed identity.',
      }),
      queue: z.string(),
      message: c.anyValue.optional().meta({ description: 'send: text, or JSON sent as JSON text.' }),
      messageEncoding: c.ci('none', 'base64').optional(),
      visibilityTimeout: c.numberOrExpression.optional().meta({ description: 'Seconds.' }),
      timeToLive: c.numberOrExpression.optional().meta({ description: 'Seconds; -1 never expires.' }),
      idempotencyKeyProperty: z.string().optional(),
      createQueue: c.booleanOrExpression.optional(),
      maxMessages: c.numberOrExpression.optional(),
      messageId: z.string().optional(),
      popReceipt: z.string().optional(),
      retryPolicy: c.retryPolicy.optional().meta({ description: 'Retries of the call, as in Http.' }),
    }),
  })
  .meta({ title: 'QueueStorage', description });
