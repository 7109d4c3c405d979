/** Visits every action record of a run (scope children and loop iterations included) with its loop path. */
import type { ActionRecord } from '../engine/run-types';
import type { JsonValue } from '../expressions/values';

export function walkActions(
  records: readonly ActionRecord[],
  visit: (record: ActionRecord, loopPath: string) => void,
  loopPath = '',
): void {
  for (const record of records) {
    visit(record, loopPath);
    walkActions(record.children ?? [], visit, loopPath);
    for (const [index, actions] of (record.iterations ?? []).entries())
      walkActions(actions, visit, `${loopPath === '' ? '' : `${loopPath}/`}${record.name}[${index}]`);
  }
}

/** Milliseconds between two ISO times, or undefined when either is missing or unreadable. */
export function durationMs(start: string | undefined, end: string | undefined): number | undefined {
  if (start === undefined || end === undefined) return undefined;
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

export type TrackedLeaf = string | number | boolean | null;

/**
 * Tracked properties as (dotted name, value) entries: `{"a": {"b": 1}}` gives `["a.b", 1]`; an array
 * is one value, as JSON text; a value that is not an object has the name `''`.
 */
export function trackedEntries(value: JsonValue, name = ''): [string, TrackedLeaf][] {
  if (Array.isArray(value)) return [[name, JSON.stringify(value)]];
  if (value === null || typeof value !== 'object') return [[name, value]];
  return Object.entries(value).flatMap(([key, inner]) =>
    trackedEntries(inner, name === '' ? key : `${name}.${key}`),
  );
}
