import { z } from 'zod';
import * as c from '../common';

/** Groups actions; its status is derived from theirs. */
export const scopeAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Scope'),
    actions: c.actionMap.optional(),
  })
  .meta({ title: 'Scope', description: 'Groups actions; its status is derived from theirs.' });
