import { z } from 'zod';
import * as c from '../common';

/** Flowline connector (schema only): reads or writes Azure Table Storage entities. */
export const tableStorageAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('TableStorage'),
    inputs: z.looseObject({
      operation: c.ci('get', 'insert', 'upsert', 'delete', 'query'),
      connection: z.string(),
      table: z.string(),
      partitionKey: z.string().optional(),
      rowKey: z.string().optional(),
      entity: z.unknown().optional(),
      filter: z.string().optional(),
    }),
  })
  .meta({
    title: 'TableStorage',
    description: 'Flowline connector (schema only): reads or writes Azure Table Storage entities.',
  });
