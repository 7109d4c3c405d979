import { z } from 'zod';
import * as c from '../common';

/** Declares workflow variables (top level only). */
export const initializeVariableAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('InitializeVariable'),
    inputs: z.looseObject({
      variables: z
        .array(
          z.looseObject({
            name: z.string().min(1),
            type: c.ci('Array', 'Boolean', 'Float', 'Integer', 'Object', 'String'),
            value: z.unknown().optional(),
          }),
        )
        .min(1),
    }),
  })
  .meta({ title: 'InitializeVariable', description: 'Declares workflow variables (top level only).' });
