/**
 * The run API's side of partitioned loops (engine/partition/): a run's view is derived together
 * with the histories of the partitions it started, and cancelling a run cancels them too. Partition
 * ids are not in the parent's history as the status API shows it; replaying the parent's history
 * names them (they are derived from the run id, the loop's place and the partition's index).
 */
import type * as df from 'durable-functions';
import { type DerivedRun, deriveRun } from '../../engine/history/derive';
import { deriveRunTree, partitionedLoops, type RunSource } from '../../engine/history/derive-tree';
import type { HistoryEventView } from '../../engine/history/replay-port';
import type { RunInput } from '../../engine/run-types';
import { fetchHistory } from './history';
import { isRunInput } from './run-input';

const setting = (name: string): string | undefined => process.env[name];

/** Loads a run's input and history, or undefined when it does not exist (yet). */
async function loadRun(client: df.DurableClient, runId: string): Promise<RunSource | undefined> {
  try {
    const status = await client.getStatus(runId, { showInput: true });
    if (!status?.instanceId || !isRunInput(status.input)) return undefined;
    return { input: status.input, history: await fetchHistory(client, runId) };
  } catch {
    return undefined;
  }
}

/**
 * The run's action tree, with the iterations its partitions ran in their loops' places. `history`:
 * the run's own history when the caller has already read it.
 */
export async function deriveWithPartitions(
  client: df.DurableClient,
  runId: string,
  input: RunInput,
  history?: HistoryEventView[],
): Promise<DerivedRun> {
  history ??= await fetchHistory(client, runId);
  return deriveRunTree(runId, input, history, (id) => loadRun(client, id), setting);
}

/**
 * Terminates the partitions of a run that is already terminated (so it starts no new one), and
 * theirs, depth first. Returns the ids it terminated. A partition that already ended is left alone.
 */
export async function cancelPartitions(
  client: df.DurableClient,
  runId: string,
  input: RunInput,
  reason: string,
): Promise<string[]> {
  await ended(client, runId);
  const history = await fetchHistory(client, runId);
  const refs = partitionedLoops(deriveRun(runId, input, history, setting).actions).map((p) => p.ref);
  const cancelled: string[] = [];
  for (const ref of refs) {
    const status = await client.getStatus(ref.runId, { showInput: true }).catch(() => undefined);
    if (!status?.instanceId || !['Running', 'Pending'].includes(String(status.runtimeStatus))) continue;
    await client.terminate(ref.runId, reason);
    cancelled.push(ref.runId);
    if (isRunInput(status.input))
      cancelled.push(...(await cancelPartitions(client, ref.runId, status.input, reason)));
  }
  return cancelled;
}

/**
 * Waits (briefly) until the run has taken its termination: an episode already under way may still
 * start a partition, and only the history written after it names every partition started.
 */
async function ended(client: df.DurableClient, runId: string): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    const status = await client.getStatus(runId).catch(() => undefined);
    if (!['Running', 'Pending'].includes(String(status?.runtimeStatus))) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}
