import { z } from 'zod';
import * as c from '../common';

/** Parses JSON content and validates it against a JSON schema. */
export const parseJsonAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('ParseJson'),
    inputs: z.looseObject({ content: z.unknown(), schema: z.unknown() }),
  })
  .meta({ title: 'ParseJson', description: 'Parses JSON content and validates it against a JSON schema.' });
