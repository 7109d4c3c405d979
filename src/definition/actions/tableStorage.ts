import { z } from 'zod';
import * as c from '../common';

const description =
  'Flowline connector: upserts, inserts, gets, queries or deletes Azure Table Storage entities (connection names an app setting).';

/** Flowline connector `flowline-table`: Azure Table Storage through `@azure/data-tables`. */
export const tableStorageAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('TableStorage'),
    inputs: z.looseObject({
      operation: c.ci('get', 'insert', 'upsert', 'delete', 'query'),
      connection: z.string().meta({
        description:
          'Name of the app setting with the connection string, or prefix of <name>__tableServiceUri / <name>__accountUrl for managed identity.',
      }),
      table: z.string(),
      partitionKey: z.string().optional(),
      rowKey: z.string().optional(),
      entity: z.union([z.record(z.string(), c.anyValue), c.expression]).optional(),
      mode: c.ci('merge', 'replace').optional(),
      createTable: c.booleanOrExpression.optional(),
      filter: z.string().optional(),
      select: z.union([z.array(z.string()), z.string()]).optional(),
      top: c.numberOrExpression.optional(),
      continuationToken: z.string().optional(),
      retryPolicy: c.retryPolicy.optional().meta({ description: 'Retries of the call, as in Http.' }),
    }),
  })
  .meta({ title: 'TableStorage', description });
