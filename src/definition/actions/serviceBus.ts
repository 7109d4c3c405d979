import { z } from 'zod';
import * as c from '../common';

/** Flowline connector (schema only): sends or settles Azure Service Bus messages. */
export const serviceBusAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('ServiceBus'),
    inputs: z.looseObject({
      operation: c.ci('send', 'receive', 'complete', 'abandon', 'deadLetter', 'renewLock'),
      connection: z.string(),
      entityName: z.string(),
      message: z.unknown().optional(),
      sessionId: z.string().optional(),
      lockToken: z.string().optional(),
    }),
  })
  .meta({
    title: 'ServiceBus',
    description: 'Flowline connector (schema only): sends or settles Azure Service Bus messages.',
  });
