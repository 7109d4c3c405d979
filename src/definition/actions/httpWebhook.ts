import { z } from 'zod';
import * as c from '../common';

/** Subscribes a callback URL with a service and waits until the service calls it. */
export const httpWebhookAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('HttpWebhook'),
    inputs: z.looseObject({ subscribe: c.httpCall, unsubscribe: c.httpCall.optional() }),
  })
  .meta({
    title: 'HttpWebhook',
    description: 'Subscribes a callback URL with a service and waits until the service calls it.',
  });
