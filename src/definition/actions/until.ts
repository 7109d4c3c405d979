import { z } from 'zod';
import * as c from '../common';

/** Repeats its actions until the expression is true or a limit (count, timeout) is reached. */
export const untilAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Until'),
    expression: z.union([z.boolean(), c.expression, z.record(z.string(), z.unknown())]),
    limit: z
      .looseObject({ count: c.numberOrExpression.optional(), timeout: z.string().optional() })
      .optional(),
    actions: c.actionMap.optional(),
  })
  .meta({
    title: 'Until',
    description: 'Repeats its actions until the expression is true or a limit (count, timeout) is reached.',
  });
