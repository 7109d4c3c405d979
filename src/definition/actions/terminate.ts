import { z } from 'zod';
import * as c from '../common';

/** Ends the run with the given status. */
export const terminateAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Terminate'),
    inputs: z.looseObject({
      runStatus: c.ci('Failed', 'Cancelled', 'Succeeded'),
      runError: z.looseObject({ code: z.string().optional(), message: z.string().optional() }).optional(),
    }),
  })
  .meta({ title: 'Terminate', description: 'Ends the run with the given status.' });
