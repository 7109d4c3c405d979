/** What a partition hands back to its parent: compact iteration records, changed variables, endings. */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import type { ActionRecord } from '../run-types';
import type { ChangedVariable, CompactRecord, PartitionResult, PartitionVariable } from './types';

/** The parent's copy of one action of one iteration. */
export function compactRecord(record: ActionRecord, full: boolean): CompactRecord {
  const { name, type, status, startTime, endTime, code, error } = record;
  const base: CompactRecord = { name, type, status, startTime, endTime, code, error };
  if (!full) return withoutUndefined(base);
  const { inputs, outputs, trackedProperties, secureInputs, secureOutputs } = record;
  return withoutUndefined({ ...base, inputs, outputs, trackedProperties, secureInputs, secureOutputs });
}

/** The variables whose value differs from what the partition started with. */
export function changedVariables(
  before: readonly PartitionVariable[],
  after: ReadonlyMap<string, { readonly name: string; readonly value: JsonValue }>,
  assigned: ReadonlySet<string>,
): ChangedVariable[] {
  const changed: ChangedVariable[] = [];
  for (const variable of before) {
    const key = variable.name.toLowerCase();
    const now = after.get(key);
    if (now !== undefined && !same(now.value, variable.value))
      changed.push({ ...variable, value: now.value, assigned: assigned.has(key) });
  }
  return changed;
}

/**
 * The parent's value after a partition: the partition's value when nothing else changed the
 * variable meanwhile (or a SetVariable wrote it), else the partition's increments or appends added
 * to what the variable holds now.
 */
export function mergedValue(current: JsonValue, sent: JsonValue, changed: ChangedVariable): JsonValue {
  const { value } = changed;
  if (changed.assigned || same(current, sent)) return value;
  if (typeof current === 'number' && typeof value === 'number' && typeof sent === 'number')
    return current + (value - sent);
  if (Array.isArray(current) && Array.isArray(value) && Array.isArray(sent))
    return [...current, ...value.slice(sent.length)];
  if (typeof current === 'string' && typeof value === 'string' && typeof sent === 'string')
    return current + value.slice(sent.length);
  return value;
}

const same = (a: JsonValue, b: JsonValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Reads a partition's run result (it crossed durable history); undefined when it is not one. */
export function readPartitionResult(value: JsonValue): PartitionResult | undefined {
  const outputs = isJsonObject(value) && isJsonObject(value.outputs) ? value.outputs : undefined;
  const result = outputs !== undefined && isJsonObject(outputs.partition) ? outputs.partition : undefined;
  if (result === undefined || !Array.isArray(result.iterations) || !Array.isArray(result.variables))
    return undefined;
  return result as unknown as PartitionResult;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
