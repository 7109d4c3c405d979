/**
 * The `flowline-stop-partitions` activity: a run that a Terminate action ended while partitions of
 * its large loops were still running calls it with their ids; it terminates each (and theirs, depth
 * first). It never fails the run: a partition it cannot stop is logged.
 */
import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { cancelPartitions } from '../api/partitions';
import { isRunInput } from '../api/run-input';

export const STOP_PARTITIONS_ACTIVITY = 'flowline-stop-partitions';

export interface StopPartitionsInput {
  readonly runIds: readonly string[];
}

export async function stopPartitions(
  input: StopPartitionsInput,
  context: InvocationContext,
): Promise<number> {
  const client = df.getClient(context);
  const reason = 'The run ended (Terminate) while this partition of one of its loops was running.';
  let stopped = 0;
  for (const runId of input.runIds) {
    try {
      const status = await client.getStatus(runId, { showInput: true });
      if (!['Running', 'Pending'].includes(String(status.runtimeStatus))) continue;
      await client.terminate(runId, reason);
      stopped++;
      if (isRunInput(status.input))
        stopped += (await cancelPartitions(client, runId, status.input, reason)).length;
    } catch (error) {
      context.warn(`Partition '${runId}' was not stopped: ${(error as Error).message}`);
    }
  }
  return stopped;
}
