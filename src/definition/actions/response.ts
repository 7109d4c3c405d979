import { z } from 'zod';
import * as c from '../common';

/** Answers the HTTP request that started the run. */
export const responseAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Response'),
    kind: c.ci('Http').optional(),
    inputs: z.looseObject({
      statusCode: c.numberOrExpression,
      headers: c.headers.optional(),
      body: z.unknown().optional(),
      schema: z.unknown().optional(),
    }),
  })
  .meta({ title: 'Response', description: 'Answers the HTTP request that started the run.' });
