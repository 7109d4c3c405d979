import { z } from 'zod';
import * as c from '../common';

/** Sets a variable to a new value. */
export const setVariableAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('SetVariable'),
    inputs: z.looseObject({ name: z.string().min(1), value: z.unknown() }),
  })
  .meta({ title: 'SetVariable', description: 'Sets a variable to a new value.' });
