import { z } from 'zod';
import * as c from '../common';

/** Maps each item of an array to a new value. */
export const selectAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Select'),
    inputs: z.looseObject({ from: z.unknown(), select: z.unknown() }),
  })
  .meta({ title: 'Select', description: 'Maps each item of an array to a new value.' });
