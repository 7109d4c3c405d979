/**
 * When a loop is partitioned: a Foreach over more items than its partition size, an Until that runs
 * more iterations than its own. The sizes are pinned in the run input when the run starts; runs
 * without them (the test harness, older runs) read the app settings.
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

export const DEFAULT_UNTIL_PARTITION = 100;
/** App setting: Until iterations per history (inline first, then per partition). */
export const UNTIL_PARTITION_SETTING = 'FLOWLINE_UNTIL_PARTITION';

export function untilPartitionSize(state: RunState): number {
  return (
    readPartitionSize(state.input.untilPartition) ??
    readPartitionSize(state.port.appSetting(UNTIL_PARTITION_SETTING)) ??
    DEFAULT_UNTIL_PARTITION
  );
}
