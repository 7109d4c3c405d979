/** Instance query filter shared by the stores. */
import type { InstanceFilter, InstanceRow } from './types';

export function matchesFilter(row: InstanceRow, f: InstanceFilter): boolean {
  if (f.createdFrom !== undefined && row.createdAt < f.createdFrom) return false;
  if (f.createdTo !== undefined && row.createdAt > f.createdTo) return false;
  if (f.statuses && f.statuses.length > 0 && !f.statuses.includes(row.status)) return false;
  if (f.prefix !== undefined && !row.instanceId.startsWith(f.prefix)) return false;
  return true;
}
