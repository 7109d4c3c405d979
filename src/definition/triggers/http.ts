import { z } from 'zod';
import * as c from '../common';

/** Polls an HTTP endpoint on a recurrence; a run starts when the endpoint answers 200. */
export const httpTrigger = z
  .looseObject({
    ...c.triggerBaseShape,
    type: c.ci('Http'),
    recurrence: c.recurrence.optional(),
    inputs: z.looseObject({
      method: z.string(),
      uri: z.string(),
      headers: c.headers.optional(),
      queries: c.headers.optional(),
      body: z.unknown().optional(),
      authentication: c.authentication.optional(),
    }),
  })
  .meta({ title: 'Http', description: 'Polls an HTTP endpoint on a recurrence.' });
