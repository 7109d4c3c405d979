import { z } from 'zod';
import * as c from '../common';

/** Flowline connector (schema only): sends or receives Azure Queue Storage messages. */
export const queueStorageAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('QueueStorage'),
    inputs: z.looseObject({
      operation: c.ci('send', 'receive', 'delete', 'peek'),
      connection: z.string(),
      queue: z.string(),
      message: z.unknown().optional(),
    }),
  })
  .meta({
    title: 'QueueStorage',
    description: 'Flowline connector (schema only): sends or receives Azure Queue Storage messages.',
  });
