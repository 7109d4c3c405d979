/**
 * Reads a run's history from the Durable status API. durable-js 3.x drops the `historyEvents` the
 * extension returns (its status object only copies a `history` field), so the history is fetched
 * from the instance's management URL, which carries the system key on Azure and works unchanged on
 * the embedded host.
 */
import type * as df from 'durable-functions';
import type { HistoryEventView } from '../../engine/history/replay-port';

export async function fetchHistory(client: df.DurableClient, runId: string): Promise<HistoryEventView[]> {
  const { statusQueryGetUri } = client.createHttpManagementPayload(runId);
  const url = new URL(statusQueryGetUri);
  url.searchParams.set('showHistory', 'true');
  url.searchParams.set('showHistoryOutput', 'true');
  url.searchParams.set('showInput', 'false');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The status API answered ${response.status} for run '${runId}'.`);
  const body = (await response.json()) as { historyEvents?: HistoryEventView[] };
  return body.historyEvents ?? [];
}
