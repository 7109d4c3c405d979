import { z } from 'zod';
import * as c from '../common';

/** Evaluates its inputs and returns them as outputs. */
export const composeAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Compose'),
    inputs: c.anyValue.optional(),
  })
  .meta({ title: 'Compose', description: 'Evaluates its inputs and returns them as outputs.' });
