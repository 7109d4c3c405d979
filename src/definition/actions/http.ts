import { z } from 'zod';
import * as c from '../common';

/** Calls an HTTP endpoint. Runs as an activity. */
export const httpAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Http'),
    inputs: z.looseObject({
      ...c.httpCallShape,
      queries: c.headers.optional(),
      cookie: z.string().optional(),
      retryPolicy: c.retryPolicy.optional(),
    }),
  })
  .meta({ title: 'Http', description: 'Calls an HTTP endpoint. Runs as an activity.' });
