import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityResult, Json } from '../../../src/connectors/activity';
import { tableConnector } from '../../../src/connectors/storage/table';
import { type Azurite, startAzurite } from './azurite';

type Outputs = Record<string, Json>;

describe('TableStorage connector on Azurite', () => {
  let azurite: Azurite;
  let sdk: TableClient;
  let table: (input: Record<string, unknown>) => Promise<ActivityResult>;
  const ok = async (input: Record<string, unknown>): Promise<Outputs> => {
    const result = await table({ connection: 'TABLES', table: 'invoices', ...input });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return (result.outputs as { body: Outputs }).body;
  };
  const stored = (pk: string, rk: string) => sdk.getEntity<Record<string, unknown>>(pk, rk);

  beforeAll(async () => {
    azurite = await startAzurite();
    sdk = TableClient.fromConnectionString(azurite.connectionString, 'invoices', {
      allowInsecureConnection: true,
    });
    await sdk.createTable();
    table = tableConnector({}, { env: { TABLES: azurite.connectionString } });
  });
  afterAll(() => azurite.stop());

  it('upserts with the keys from the inputs and returns the ETag', async () => {
    const out = await ok({
      operation: 'upsert',
      partitionKey: 'C-1',
      rowKey: 'INV-1',
      entity: { total: 12.5, paid: false },
    });
    expect(out).toEqual({
      table: 'invoices',
      partitionKey: 'C-1',
      rowKey: 'INV-1',
      etag: expect.any(String) as string,
    });
    expect(await stored('C-1', 'INV-1')).toMatchObject({ total: 12.5, paid: false, etag: out.etag });
  });

  it.each([
    ['merge', { status: 'new', pages: 2 }],
    ['replace', { status: 'new' }],
  ])('upserts in %s mode', async (mode, expected) => {
    const keys = { partitionKey: 'C-2', rowKey: `INV-${mode}` };
    await ok({ operation: 'upsert', ...keys, entity: { status: 'old', pages: 2 } });
    await ok({ operation: 'upsert', ...keys, mode, entity: { status: 'new' } });
    const entity = await stored(keys.partitionKey, keys.rowKey);
    expect({ status: entity.status, pages: entity.pages }).toEqual({ pages: undefined, ...expected });
  });

  it('takes the keys from the entity (either spelling) when the inputs leave them out', async () => {
    await ok({ operation: 'upsert', entity: { PartitionKey: 'C-3', RowKey: 'INV-3', n: 1 } });
    await ok({ operation: 'upsert', entity: { partitionKey: 'C-3', rowKey: 'INV-4', n: 2 } });
    expect((await stored('C-3', 'INV-3')).n).toBe(1);
    expect((await stored('C-3', 'INV-4')).n).toBe(2);
  });

  it('round-trips typed values: Int64, DateTime, Guid, and drops nulls', async () => {
    const entity = {
      big: 2 ** 40,
      receivedAt: { type: 'DateTime', value: '2026-03-01T10:00:00.000Z' },
      ref: { type: 'Guid', value: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
      note: null,
    };
    await ok({ operation: 'upsert', partitionKey: 'C-4', rowKey: 'INV-5', entity });
    const got = await ok({ operation: 'get', partitionKey: 'C-4', rowKey: 'INV-5' });
    expect(got.entity).toMatchObject({
      partitionKey: 'C-4',
      rowKey: 'INV-5',
      big: 2 ** 40,
      receivedAt: '2026-03-01T10:00:00.000Z',
      ref: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      etag: expect.any(String) as string,
      timestamp: expect.any(String) as string,
    });
    expect(got.entity).not.toHaveProperty('note');
    expect(got.entity).not.toHaveProperty(['odata.metadata']);
  });

  it('gets only the selected properties', async () => {
    await ok({ operation: 'upsert', partitionKey: 'C-5', rowKey: 'R', entity: { a: 1, b: 2 } });
    const got = await ok({ operation: 'get', partitionKey: 'C-5', rowKey: 'R', select: 'a' });
    expect(got.entity).toHaveProperty('a', 1);
    expect(got.entity).not.toHaveProperty('b');
  });

  it('fails a get of a missing entity as terminal EntityNotFound, and of a missing table as TableNotFound', async () => {
    const missing = await table({
      operation: 'get',
      connection: 'TABLES',
      table: 'invoices',
      partitionKey: 'no',
      rowKey: 'pe',
    });
    expect(missing).toMatchObject({ ok: false, retryable: false, error: { code: 'EntityNotFound' } });
    expect(!missing.ok && missing.error.message).toBe(
      "Storage answered 404 for entity 'no'/'pe' in table 'invoices' (EntityNotFound): The specified resource does not exist.",
    );
    const noTable = await table({
      operation: 'get',
      connection: 'TABLES',
      table: 'nothere',
      partitionKey: 'a',
      rowKey: 'b',
    });
    expect(noTable).toMatchObject({ ok: false, retryable: false, error: { code: 'TableNotFound' } });
  });

  it('inserts once and fails a second insert as terminal EntityAlreadyExists', async () => {
    const input = { operation: 'insert', partitionKey: 'C-6', rowKey: 'R', entity: { v: 1 } };
    expect(await ok(input)).toMatchObject({ partitionKey: 'C-6', rowKey: 'R' });
    const again = await table({ connection: 'TABLES', table: 'invoices', ...input });
    expect(again).toMatchObject({ ok: false, retryable: false, error: { code: 'EntityAlreadyExists' } });
  });

  it('queries with a filter, select and top, returning a continuation token for the rest', async () => {
    for (const n of [1, 2, 3])
      await ok({ operation: 'upsert', partitionKey: 'Q', rowKey: `r${n}`, entity: { n, x: 'y' } });
    const first = await ok({
      operation: 'query',
      filter: "PartitionKey eq 'Q' and n ge 1",
      select: ['n'],
      top: 2,
    });
    expect(first.count).toBe(2);
    expect(first.entities).toEqual([expect.objectContaining({ n: 1 }), expect.objectContaining({ n: 2 })]);
    expect(first.entities).not.toContainEqual(expect.objectContaining({ x: 'y' }));
    const rest = await ok({
      operation: 'query',
      filter: "PartitionKey eq 'Q' and n ge 1",
      continuationToken: first.continuationToken,
    });
    expect(rest).toMatchObject({
      count: 1,
      continuationToken: null,
      entities: [expect.objectContaining({ n: 3 })],
    });
  });

  it('deletes an entity, and reports deleted: false when it is already gone', async () => {
    await ok({ operation: 'upsert', partitionKey: 'D', rowKey: 'R', entity: {} });
    expect((await ok({ operation: 'delete', partitionKey: 'D', rowKey: 'R' })).deleted).toBe(true);
    expect((await ok({ operation: 'delete', partitionKey: 'D', rowKey: 'R' })).deleted).toBe(false);
  });

  it('creates a missing table on write only when createTable is set', async () => {
    const input = {
      operation: 'upsert',
      connection: 'TABLES',
      table: 'fresh',
      partitionKey: 'p',
      rowKey: 'r',
      entity: {},
    };
    expect(await table(input)).toMatchObject({
      ok: false,
      retryable: false,
      error: { code: 'TableNotFound' },
    });
    expect(await table({ ...input, createTable: true })).toMatchObject({ ok: true });
  });

  it.each([
    [
      { operation: 'upsert', entity: { rowKey: 'r' } },
      'inputs.partitionKey: expected a string (in the inputs or the entity), found nothing',
    ],
    [
      { operation: 'upsert', partitionKey: 'p', rowKey: 'r', entity: { lines: [1] } },
      'inputs.entity.lines: expected a string, number, boolean or {"type", "value"}, found an array',
    ],
    [
      { operation: 'upsert', partitionKey: 'p', rowKey: 'r', entity: { partitionKey: 'q' } },
      'inputs.partitionKey: expected the same value as inputs.entity.partitionKey, found \'p\' and "q"',
    ],
    [{ operation: 'upsert', partitionKey: 'p', rowKey: 'r', entity: {}, mode: 'patch' }, 'inputs.mode'],
    [
      { operation: 'upsert', partitionKey: 'p', rowKey: 'r', entity: { etag: 'x' } },
      "inputs.entity.etag: expected a property name other than etag, timestamp or odata.* (the service sets those), found 'etag'",
    ],
    [
      { operation: 'get', partitionKey: 'p' },
      'inputs.rowKey: Invalid input: expected string, received undefined',
    ],
    [{ operation: 'query', top: 1001 }, 'inputs.top: Too big'],
  ])('rejects invalid input %j as terminal, naming the field', async (input, message) => {
    const result = await table({ connection: 'TABLES', table: 'invoices', ...input });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidConnectorInput' } });
    expect(!result.ok && result.error.message).toContain(message);
  });
});
