import { z } from 'zod';
import * as c from '../common';

/** Runs actions when the expression is true, else.actions otherwise. The expression may be a string or the designer object form ({and: [{equals: [a, b]}]}). */
export const ifAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('If'),
    expression: z.union([z.boolean(), c.expression, z.record(z.string(), z.unknown())]),
    actions: c.actionMap.optional(),
    else: z.looseObject({ actions: c.actionMap.optional() }).optional(),
  })
  .meta({
    title: 'If',
    description:
      'Runs actions when the expression is true, else.actions otherwise. The expression may be a string or the designer object form ({and: [{equals: [a, b]}]}).',
  });
