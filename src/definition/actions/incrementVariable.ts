import { z } from 'zod';
import * as c from '../common';

/** Adds to an Integer or Float variable (1 by default). */
export const incrementVariableAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('IncrementVariable'),
    inputs: z.looseObject({ name: z.string().min(1), value: c.numberOrExpression.optional() }),
  })
  .meta({ title: 'IncrementVariable', description: 'Adds to an Integer or Float variable (1 by default).' });
