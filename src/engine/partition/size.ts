/**
 * When a Foreach is partitioned: more items than the partition size. The size is pinned in the run
 * input when the run starts; runs without it (the test harness, older runs) read the app setting.
 */
import type { RunState } from '../run-state';

export const DEFAULT_FOREACH_PARTITION = 250;
/** App setting: items per partition (a positive integer; a very large value turns partitioning off). */
export const FOREACH_PARTITION_SETTING = 'FLOWLINE_FOREACH_PARTITION';

export function readPartitionSize(value: unknown): number | undefined {
  const size = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof size === 'number' && Number.isInteger(size) && size >= 1 ? size : undefined;
}

export function partitionSize(state: RunState): number {
  return (
    readPartitionSize(state.input.foreachPartition) ??
    readPartitionSize(state.port.appSetting(FOREACH_PARTITION_SETTING)) ??
    DEFAULT_FOREACH_PARTITION
  );
}
