import type { ActionRecord } from './run-types';

/** Actions still running when Terminate ended the run show as Cancelled. */
export function cancelRunning(records: readonly ActionRecord[]): void {
  for (const record of records) {
    if (record.status === 'Running' || record.status === 'Waiting') record.status = 'Cancelled';
    if (record.children) cancelRunning(record.children);
    for (const iteration of record.iterations ?? []) cancelRunning(iteration);
  }
}
