import { z } from 'zod';
import * as c from '../common';

const call = z.looseObject({
  method: z.string(),
  uri: z.string(),
  headers: c.headers.optional(),
  body: z.unknown().optional(),
  authentication: c.authentication.optional(),
});

/** Subscribes a callback URL with a service; each callback starts a run. */
export const httpWebhookTrigger = z
  .looseObject({
    ...c.triggerBaseShape,
    type: c.ci('HttpWebhook'),
    inputs: z.looseObject({ subscribe: call, unsubscribe: call.optional() }),
  })
  .meta({ title: 'HttpWebhook', description: 'Starts a run when a subscribed service calls back.' });
