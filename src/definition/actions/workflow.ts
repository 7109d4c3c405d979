import { z } from 'zod';
import * as c from '../common';

/** Calls another workflow (a sub-orchestration in Flowline). */
export const workflowAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Workflow'),
    inputs: z.looseObject({
      host: z.looseObject({
        workflow: z.looseObject({ id: z.string() }),
        triggerName: z.string().optional(),
      }),
      body: z.unknown().optional(),
      headers: c.headers.optional(),
    }),
  })
  .meta({ title: 'Workflow', description: 'Calls another workflow (a sub-orchestration in Flowline).' });
