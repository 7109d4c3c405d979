import { z } from 'zod';
import * as c from '../common';

/** Polls an HTTP endpoint on a recurrence; a run starts when the endpoint answers 200. */
export const httpTrigger = z
  .looseObject({
    ...c.triggerBaseShape,
    type: c.ci('Http'),
    recurrence: c.recurrence.optional(),
    inputs: z.looseObject({
      ...c.httpCallShape,
      queries: c.headers.optional(),
    }),
  })
  .meta({ title: 'Http', description: 'Polls an HTTP endpoint on a recurrence.' });
