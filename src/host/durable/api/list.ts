/** Instance queries and purge by filter, with continuation tokens (protocol notes 3.2). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineContext } from '../context';
import type { RuntimeStatus } from '../history';
import type { InstanceFilter } from '../store/types';
import { sendJson, sendMessage } from './respond';
import { statusPayload } from './status';

const TOKEN_HEADER = 'x-ms-continuation-token';

function filterOf(url: URL): InstanceFilter {
  const from = url.searchParams.get('createdTimeFrom');
  const to = url.searchParams.get('createdTimeTo');
  const statuses = url.searchParams.get('runtimeStatus');
  const prefix = url.searchParams.get('instanceIdPrefix');
  return {
    ...(from ? { createdFrom: new Date(from).toISOString() } : {}),
    ...(to ? { createdTo: new Date(to).toISOString() } : {}),
    ...(statuses ? { statuses: statuses.split(',').map((s) => s.trim()) as RuntimeStatus[] } : {}),
    ...(prefix ? { prefix } : {}),
  };
}

export function listInstances(ctx: EngineContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const rows = ctx.store.instances(filterOf(url));
  const top = Number(url.searchParams.get('top') ?? '0');
  const token = req.headers[TOKEN_HEADER];
  const start =
    typeof token === 'string' && token !== '' ? Number(Buffer.from(token, 'base64').toString()) : 0;
  const end = top > 0 ? start + top : rows.length;
  const page = rows.slice(start, end);
  const showInput = (url.searchParams.get('showInput') ?? 'false').toLowerCase() === 'true';
  const headers: Record<string, string> =
    end < rows.length ? { [TOKEN_HEADER]: Buffer.from(String(end)).toString('base64') } : {};
  sendJson(
    res,
    200,
    page.map((row) =>
      statusPayload(row, undefined, { showInput, showHistory: false, showHistoryOutput: false }),
    ),
    headers,
  );
}

export function purgeByFilter(ctx: EngineContext, res: ServerResponse, url: URL): void {
  if (!url.searchParams.get('createdTimeFrom'))
    return sendMessage(res, 400, "Purging by filter needs the 'createdTimeFrom' query parameter.");
  const filter = filterOf(url);
  const rows = ctx.store.instances({
    ...filter,
    createdTo: filter.createdTo ?? ctx.clock.now().toISOString(),
  });
  const deleted = ctx.gate.now(() => ctx.store.purge(rows.map((r) => r.instanceId)));
  if (deleted === 0) return sendMessage(res, 404, 'No instances matched the filter.');
  sendJson(res, 200, { instancesDeleted: deleted });
}
