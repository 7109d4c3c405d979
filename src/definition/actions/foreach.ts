import { z } from 'zod';
import * as c from '../common';

/** Runs its actions for each item of an array; concurrency via runtimeConfiguration.concurrency.repetitions (1-50), or operationOptions Sequential. */
export const foreachAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Foreach'),
    foreach: z.union([c.expression, z.array(z.unknown())]),
    actions: c.actionMap.optional(),
  })
  .meta({
    title: 'Foreach',
    description:
      'Runs its actions for each item of an array; concurrency via runtimeConfiguration.concurrency.repetitions (1-50), or operationOptions Sequential.',
  });
