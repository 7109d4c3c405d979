/**
 * TableStorage (activity `flowline-table`): upsert (merge or replace), insert, get, query and delete
 * entities with `@azure/data-tables`. A missing entity is a terminal `EntityNotFound`; an insert of an
 * existing one a terminal `EntityAlreadyExists`; deletes are idempotent.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { type Activity, type ConnectorContext, defineConnector, type Json } from '../activity';
import { CONNECTOR_ACTIVITIES } from '../../engine/activities';
import { type StorageOptions, StorageClients } from './clients';
import { fromTableEntity, toTableEntity } from './entity';
import { restCode, storageError } from './errors';
import { baseShape, byOperation } from './input';

const target = { ...baseShape, table: z.string().min(1) };
const keyed = { ...target, partitionKey: z.string(), rowKey: z.string() };
const write = {
  ...target,
  partitionKey: z.string().optional(),
  rowKey: z.string().optional(),
  entity: z.record(z.string(), z.unknown()),
  createTable: z.boolean().default(false),
};
/** `select` as a list of property names or one comma-separated string. */
const select = z
  .union([z.array(z.string().min(1)), z.string().min(1)])
  .transform((value) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  .optional();

export const tableInput = byOperation({}, [
  z.object({
    ...write,
    operation: z.literal('upsert'),
    mode: z
      .string()
      .transform((m) => m.toLowerCase())
      .pipe(z.enum(['merge', 'replace']))
      .default('merge'),
  }),
  z.object({ ...write, operation: z.literal('insert') }),
  z.object({ ...keyed, operation: z.literal('get'), select }),
  z.object({
    ...target,
    operation: z.literal('query'),
    filter: z.string().optional(),
    select,
    top: z.number().int().min(1).max(1000).default(1000),
    continuationToken: z.string().min(1).optional(),
  }),
  z.object({ ...keyed, operation: z.literal('delete') }),
]);

type TableInput = z.output<typeof tableInput>;

export function tableConnector(options: StorageOptions = {}, context?: Partial<ConnectorContext>): Activity {
  const clients = new StorageClients(options);
  return defineConnector(
    {
      name: CONNECTOR_ACTIVITIES.tablestorage,
      input: tableInput,
      async run(input, ctx) {
        const { client, secrets } = clients.table(input.connection, input.table, ctx.env);
        const what = describe(input);
        try {
          return { ok: true, outputs: { body: await runOperation(client, input, clients.deadline()) } };
        } catch (error) {
          throw storageError(
            error,
            {
              what,
              notFound: 'EntityNotFound',
              ...(input.operation === 'insert' ? { conflict: 'EntityAlreadyExists' } : {}),
            },
            secrets,
          );
        }
      },
    },
    context,
  );
}

export const tableStorageConnector = tableConnector();

async function runOperation(client: TableClient, input: TableInput, abortSignal: AbortSignal): Promise<Json> {
  switch (input.operation) {
    case 'upsert':
    case 'insert': {
      const entity = toTableEntity(input.entity, input);
      const write = () =>
        input.operation === 'upsert'
          ? client.upsertEntity(entity, input.mode === 'replace' ? 'Replace' : 'Merge', { abortSignal })
          : client.createEntity(entity, { abortSignal });
      const result = await write().catch(async (error: unknown) => {
        if (!input.createTable || restCode(error) !== 'TableNotFound') throw error;
        await client.createTable({ abortSignal });
        return write();
      });
      return {
        table: input.table,
        partitionKey: entity.partitionKey,
        rowKey: entity.rowKey,
        etag: result.etag ?? null,
      };
    }
    case 'get': {
      const entity = await client.getEntity<Record<string, unknown>>(input.partitionKey, input.rowKey, {
        ...(input.select === undefined ? {} : { queryOptions: { select: input.select } }),
        abortSignal,
      });
      return { table: input.table, entity: fromTableEntity(entity) };
    }
    case 'query': {
      const pages = client
        .listEntities<Record<string, unknown>>({
          queryOptions: {
            ...(input.filter === undefined ? {} : { filter: input.filter }),
            ...(input.select === undefined ? {} : { select: input.select }),
          },
          abortSignal,
        })
        .byPage({
          maxPageSize: input.top,
          ...(input.continuationToken === undefined ? {} : { continuationToken: input.continuationToken }),
        });
      const next = await pages.next();
      const page = next.done === true ? undefined : next.value;
      const entities = (page ?? []).map(fromTableEntity);
      return {
        table: input.table,
        entities,
        count: entities.length,
        continuationToken: page?.continuationToken ?? null,
      };
    }
    case 'delete': {
      const deleted = await client.deleteEntity(input.partitionKey, input.rowKey, { abortSignal }).then(
        () => true,
        (error: unknown) => {
          if (restCode(error) === 'ResourceNotFound') return false;
          throw error;
        },
      );
      return { table: input.table, partitionKey: input.partitionKey, rowKey: input.rowKey, deleted };
    }
  }
}

/** `entity 'p'/'r' in table 't'`, or `table 't'` when the keys are not known. */
function describe(input: TableInput): string {
  const where = `table '${input.table}'`;
  if (input.operation === 'query') return where;
  const keys = 'entity' in input ? { ...input.entity, ...input } : input;
  const pk = keys.partitionKey ?? ('PartitionKey' in keys ? keys.PartitionKey : undefined);
  const rk = keys.rowKey ?? ('RowKey' in keys ? keys.RowKey : undefined);
  return typeof pk === 'string' && typeof rk === 'string' ? `entity '${pk}'/'${rk}' in ${where}` : where;
}
