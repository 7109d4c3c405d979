import { z } from 'zod';
import * as c from '../common';

/** Subtracts from an Integer or Float variable (1 by default). */
export const decrementVariableAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('DecrementVariable'),
    inputs: z.looseObject({ name: z.string().min(1), value: c.numberOrExpression.optional() }),
  })
  .meta({
    title: 'DecrementVariable',
    description: 'Subtracts from an Integer or Float variable (1 by default).',
  });
