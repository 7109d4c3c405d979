import { z } from 'zod';
import * as c from '../common';

/** The HTTP request trigger: callers POST to the workflow's URL. */
export const requestTrigger = z
  .looseObject({
    ...c.triggerBaseShape,
    type: c.ci('Request'),
    kind: c.ci('Http', 'Button', 'Teams', 'Agent', 'PowerApp').optional(),
    inputs: z
      .looseObject({
        schema: z.unknown().optional(),
        method: z.string().optional(),
        relativePath: z.string().optional(),
      })
      .optional(),
  })
  .meta({ title: 'Request', description: 'Starts a run when an HTTP request arrives.' });
