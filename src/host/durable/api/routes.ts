/**
 * The Durable HTTP API under `/runtime/webhooks/durabletask/` (protocol notes 3.2, 3.4). The SDK's
 * rpcBaseUrl points here too, so one listener serves the SDK and the public management URLs.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClientError, sendToInstance, signalEntity, startInstance } from '../client';
import type { EngineContext } from '../context';
import { entityInstanceId } from '../entity/entityId';
import { EventType, isTerminal } from '../history';
import { managementUrls, WEBHOOK_PATH } from './clientData';
import { listInstances, purgeByFilter } from './list';
import { readText, sendEmpty, sendJson, sendMessage } from './respond';
import { waitForCompletion } from './startAndWait';
import { statusPayload } from './status';
import { StoreUnavailableError } from '../store/unavailable';

export interface ApiContext {
  readonly engine: EngineContext;
  readonly systemCode: () => string | undefined;
}

export async function handleDurableHttp(
  api: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith(`${WEBHOOK_PATH}/`) && url.pathname !== WEBHOOK_PATH) return false;
  const method = (req.method ?? 'GET').toUpperCase();
  try {
    const parts = url.pathname.slice(WEBHOOK_PATH.length).split('/').filter(Boolean).map(decodeSegment);
    await route(api, req, res, url, method, parts);
  } catch (error) {
    if (error instanceof ClientError) sendMessage(res, error.status, error.message);
    else if (error instanceof StoreUnavailableError)
      sendMessage(res, 503, error.message, { 'retry-after': '5' });
    else throw error;
  }
  return true;
}

/** A path segment, decoded; malformed percent-encoding (`%`, `%zz`) is the caller's mistake: 400. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ClientError(400, `The path segment '${segment}' is not valid percent-encoding.`);
  }
}

async function route(
  api: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  parts: string[],
): Promise<void> {
  const ctx = api.engine;
  const [head, a, b, c] = parts;
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  if (head === 'orchestrators' && a !== undefined && method === 'POST') {
    const body = await readText(req);
    if (body !== '' && !isJson(body))
      throw new ClientError(400, `The request body to start '${a}' is not valid JSON.`);
    const row = startInstance(ctx, a, b ?? randomUUID().replace(/-/g, ''), body === '' ? null : body);
    const urls = managementUrls(origin, ctx.config.hubName, row.instanceId, api.systemCode());
    if (url.searchParams.has('timeout')) return waitForCompletion(ctx, res, url, row.instanceId, urls);
    sendJson(res, 202, urls, { location: urls['statusQueryGetUri'] ?? '' });
    return;
  }
  if (head === 'instances' && a === undefined) {
    if (method === 'GET') return listInstances(ctx, req, res, url);
    if (method === 'DELETE') return purgeByFilter(ctx, res, url);
  }
  if (head === 'instances' && a !== undefined) {
    if (b === undefined && method === 'GET') return getStatus(api, res, url, origin, a);
    if (b === undefined && method === 'DELETE') {
      const n = ctx.gate.now(() => ctx.store.purge([a]));
      if (n === 0) sendMessage(res, 404, `No instance with ID '${a}' found.`);
      else sendJson(res, 200, { instancesDeleted: n });
      return;
    }
    if (method === 'POST' && b === 'raiseEvent' && c !== undefined) {
      const body = await readText(req);
      if (!(req.headers['content-type'] ?? '').toLowerCase().includes('json'))
        throw new ClientError(400, 'Raising an event needs Content-Type: application/json.');
      if (body !== '' && !isJson(body)) throw new ClientError(400, 'The event data is not valid JSON.');
      const input = body === '' ? null : body;
      sendToInstance(ctx, a, EventType.EventRaised, { Name: c, Input: input });
      return sendEmpty(res, 202);
    }
    const reason = url.searchParams.get('reason') ?? '';
    const control: Record<string, number> = {
      terminate: EventType.ExecutionTerminated,
      suspend: EventType.ExecutionSuspended,
      resume: EventType.ExecutionResumed,
    };
    const type = b === undefined ? undefined : control[b];
    if (method === 'POST' && type !== undefined) {
      sendToInstance(
        ctx,
        a,
        type,
        type === EventType.ExecutionTerminated ? { Input: reason } : { Reason: reason },
      );
      return sendEmpty(res, 202);
    }
    if (method === 'POST' && b === 'restart') {
      const existing = ctx.store.instance(a);
      if (!existing) return sendMessage(res, 404, `No instance with ID '${a}' found.`);
      const newId = url.searchParams.get('restartWithNewInstanceId') !== 'false';
      const id = newId ? randomUUID().replace(/-/g, '') : a;
      const row = startInstance(ctx, existing.name, id, existing.input);
      const urls = managementUrls(origin, ctx.config.hubName, row.instanceId, api.systemCode());
      return sendJson(res, 202, urls, { location: urls['statusQueryGetUri'] ?? '' });
    }
    if (method === 'POST' && b === 'rewind') {
      if (!ctx.store.instance(a)) return sendMessage(res, 404, `No instance with ID '${a}' found.`);
      return sendMessage(res, 501, `${b} is not supported by the embedded host's storage provider.`);
    }
  }
  if (head === 'entities' && a !== undefined && b !== undefined) {
    const key = b === '$' ? '' : b;
    if (method === 'GET') {
      const row = ctx.store.entity(entityInstanceId(a, key));
      if (!row?.exists) return sendMessage(res, 404, `Entity '@${a}@${key}' does not exist.`);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(row.state ?? 'null');
      return;
    }
    if (method === 'POST' || method === 'DELETE') {
      const op = method === 'DELETE' ? 'delete' : (url.searchParams.get('op') ?? '');
      const body = await readText(req);
      const json = (req.headers['content-type'] ?? '').includes('json');
      const input = body === '' ? undefined : json ? body : JSON.stringify(body);
      signalEntity(ctx, a, key, op, input);
      return sendEmpty(res, 202);
    }
  }
  sendMessage(res, 404, `No Durable API route matches ${method} ${url.pathname}.`);
}

function getStatus(api: ApiContext, res: ServerResponse, url: URL, origin: string, id: string): void {
  const ctx = api.engine;
  const row = ctx.store.instance(id);
  if (!row) return sendEmpty(res, 404);
  const flag = (name: string, fallback: boolean): boolean =>
    (url.searchParams.get(name) ?? String(fallback)).toLowerCase() === 'true';
  const options = {
    showInput: flag('showInput', true),
    showHistory: flag('showHistory', false),
    showHistoryOutput: flag('showHistoryOutput', false),
  };
  const body = statusPayload(row, options.showHistory ? ctx.store.history(id) : undefined, options);
  const failed500 =
    row.status === 'Failed' && url.searchParams.get('returnInternalServerErrorOnFailure') === 'true';
  if (isTerminal(row.status)) return sendJson(res, failed500 ? 500 : 200, body);
  const location =
    managementUrls(origin, ctx.config.hubName, id, api.systemCode())['statusQueryGetUri'] ?? '';
  sendJson(res, 202, body, { location, 'retry-after': '5' });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
