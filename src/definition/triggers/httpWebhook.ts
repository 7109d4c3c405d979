import { z } from 'zod';
import * as c from '../common';

/** Subscribes a callback URL with a service; each callback starts a run. */
export const httpWebhookTrigger = z
  .looseObject({
    ...c.triggerBaseShape,
    type: c.ci('HttpWebhook'),
    inputs: z.looseObject({ subscribe: c.httpCall, unsubscribe: c.httpCall.optional() }),
  })
  .meta({ title: 'HttpWebhook', description: 'Starts a run when a subscribed service calls back.' });
