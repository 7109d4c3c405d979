import { z } from 'zod';
import * as c from '../common';

/** Appends a value to an Array variable. */
export const appendToArrayVariableAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('AppendToArrayVariable'),
    inputs: z.looseObject({ name: z.string().min(1), value: z.unknown() }),
  })
  .meta({ title: 'AppendToArrayVariable', description: 'Appends a value to an Array variable.' });
