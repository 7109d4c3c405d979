import { z } from 'zod';
import * as c from '../common';

/** Appends a value to a String variable. */
export const appendToStringVariableAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('AppendToStringVariable'),
    inputs: z.looseObject({ name: z.string().min(1), value: z.unknown() }),
  })
  .meta({ title: 'AppendToStringVariable', description: 'Appends a value to a String variable.' });
