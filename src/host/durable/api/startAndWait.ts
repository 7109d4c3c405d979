/**
 * `POST orchestrators/{name}?timeout=<s>&pollingInterval=<s>`: start, then wait server-side like the
 * extension's WaitForCompletionOrCreateCheckStatusResponse. Completed → 200 with the output; another
 * final status → 200 with the status (500 for Failed with returnInternalServerErrorOnFailure=true);
 * still running at the timeout → 202 with the check-status payload.
 */
import type { ServerResponse } from 'node:http';
import type { EngineContext } from '../context';
import { isTerminal } from '../history';
import { parseJson } from '../replay/outcomes';
import { sendJson } from './respond';
import { statusPayload } from './status';

export async function waitForCompletion(
  ctx: EngineContext,
  res: ServerResponse,
  url: URL,
  instanceId: string,
  checkStatus: Record<string, string>,
): Promise<void> {
  const seconds = (name: string, fallback: number): number => {
    const value = Number(url.searchParams.get(name) ?? fallback);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  const deadline = Date.now() + seconds('timeout', 10) * 1000;
  const interval = Math.max(10, seconds('pollingInterval', 1) * 1000);
  for (;;) {
    const row = ctx.store.instance(instanceId);
    if (row && isTerminal(row.status)) {
      if (row.status === 'Completed') return sendJson(res, 200, parseJson(row.output) ?? null);
      const failed500 =
        row.status === 'Failed' && url.searchParams.get('returnInternalServerErrorOnFailure') === 'true';
      const body = statusPayload(row, undefined, {
        showInput: true,
        showHistory: false,
        showHistoryOutput: false,
      });
      return sendJson(res, failed500 ? 500 : 200, body);
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, Math.min(interval, Math.max(0, deadline - Date.now()))));
  }
  sendJson(res, 202, checkStatus, { location: checkStatus['statusQueryGetUri'] ?? '', 'retry-after': '10' });
}
