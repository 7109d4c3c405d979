import { z } from 'zod';
import * as c from '../common';

/** Filters an array (Filter array). */
export const queryAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Query'),
    inputs: z.looseObject({ from: z.unknown(), where: z.unknown() }),
  })
  .meta({ title: 'Query', description: 'Filters an array (Filter array).' });
