/**
 * Table entities between WDL values and `@azure/data-tables`. Properties are strings, numbers,
 * booleans or typed values `{"type": "Int64" | "DateTime" | "Guid" | "Binary" | ..., "value": "..."}`;
 * nulls are left out (tables store no nulls); integers beyond Int32 are sent as Int64; `etag` and
 * `timestamp` are the service's and cannot be written. Read back,
 * dates become ISO text, Int64 a number (text when beyond 2^53), binary base64 text.
 */
import type { TableEntity, TableEntityResult } from '@azure/data-tables';
import type { Json } from '../activity';
import { TerminalError } from '../errors';

const EDM_TYPES = new Set(['Binary', 'Boolean', 'DateTime', 'Double', 'Guid', 'Int32', 'Int64', 'String']);
const INT32 = 2 ** 31;

export type EntityProperty = string | number | boolean | { type: string; value: string };

/** The entity to write: keys from the inputs or the entity (`PartitionKey` spelling accepted). */
export function toTableEntity(
  entity: Readonly<Record<string, unknown>>,
  keys: { partitionKey?: string | undefined; rowKey?: string | undefined },
): TableEntity<Record<string, EntityProperty>> {
  const out: Record<string, EntityProperty> = {};
  const partitionKey = key('partitionKey', keys.partitionKey, entity.partitionKey ?? entity.PartitionKey);
  const rowKey = key('rowKey', keys.rowKey, entity.rowKey ?? entity.RowKey);
  for (const [name, value] of Object.entries(entity)) {
    if (/^(partitionKey|rowKey|PartitionKey|RowKey)$/.test(name)) continue;
    if (/^(etag|timestamp|odata\..*)$/i.test(name)) {
      throw invalid(
        name,
        'a property name other than etag, timestamp or odata.* (the service sets those)',
        `'${name}'`,
      );
    }
    const property = toProperty(name, value);
    if (property !== undefined) out[name] = property;
  }
  return { ...out, partitionKey, rowKey };
}

function key(name: 'partitionKey' | 'rowKey', fromInputs: string | undefined, fromEntity: unknown): string {
  if (fromInputs !== undefined) {
    if (fromEntity !== undefined && fromEntity !== fromInputs) {
      throw new TerminalError(
        'InvalidConnectorInput',
        `inputs.${name}: expected the same value as inputs.entity.${name}, found '${fromInputs}' and ${JSON.stringify(fromEntity)}.`,
      );
    }
    return fromInputs;
  }
  if (typeof fromEntity === 'string') return fromEntity;
  throw new TerminalError(
    'InvalidConnectorInput',
    `inputs.${name}: expected a string (in the inputs or the entity), found ${describe(fromEntity)}.`,
  );
}

function toProperty(name: string, value: unknown): EntityProperty | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(name, 'a finite number', String(value));
    return Number.isInteger(value) && (value >= INT32 || value < -INT32)
      ? { type: 'Int64', value: String(value) }
      : value;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const typed = value as Record<string, unknown>;
    const inner = typed.value;
    if (
      typeof typed.type === 'string' &&
      EDM_TYPES.has(typed.type) &&
      (typeof inner === 'string' || typeof inner === 'number' || typeof inner === 'boolean')
    ) {
      return { type: typed.type, value: String(inner) };
    }
  }
  throw invalid(name, 'a string, number, boolean or {"type", "value"}', describe(value));
}

function invalid(name: string, expected: string, found: string): TerminalError {
  return new TerminalError(
    'InvalidConnectorInput',
    `inputs.entity.${name}: expected ${expected}, found ${found}.`,
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** An entity the SDK read, as JSON: `partitionKey`, `rowKey`, `timestamp`, `etag` and the properties. */
export function fromTableEntity(entity: TableEntityResult<Record<string, unknown>>): Json {
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(entity)) {
    if (name === 'odata.metadata') continue;
    out[name] = toJson(value);
  }
  return out;
}

function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object' && 'value' in value) return toJson(value.value);
  return JSON.stringify(value);
}
