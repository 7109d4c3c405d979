import { z } from 'zod';
import * as c from '../common';

/** Runs the case whose value equals the expression, or the default actions. */
export const switchAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Switch'),
    expression: z.unknown(),
    cases: z
      .record(
        z.string(),
        z.looseObject({ case: z.union([z.string(), z.number()]), actions: c.actionMap.optional() }),
      )
      .optional(),
    default: z.looseObject({ actions: c.actionMap.optional() }).optional(),
  })
  .meta({
    title: 'Switch',
    description: 'Runs the case whose value equals the expression, or the default actions.',
  });
