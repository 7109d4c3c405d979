import { z } from 'zod';
import * as c from '../common';

/** Builds a CSV or HTML table from an array. */
export const tableAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Table'),
    inputs: z.looseObject({
      from: z.unknown(),
      format: c.ci('CSV', 'HTML'),
      columns: z.array(z.looseObject({ header: z.string().optional(), value: z.unknown() })).optional(),
    }),
  })
  .meta({ title: 'Table', description: 'Builds a CSV or HTML table from an array.' });
