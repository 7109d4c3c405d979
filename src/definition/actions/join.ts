import { z } from 'zod';
import * as c from '../common';

/** Joins array items into a string. */
export const joinAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Join'),
    inputs: z.looseObject({ from: z.unknown(), joinWith: z.string() }),
  })
  .meta({ title: 'Join', description: 'Joins array items into a string.' });
