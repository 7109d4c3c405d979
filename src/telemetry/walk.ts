/** Visits every action record of a run (scope children and loop iterations included) with its loop path. */
import type { ActionRecord } from '../engine/run-types';

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
