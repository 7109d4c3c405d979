/**
 * The host's admin API subset: `GET /admin/host/status`, `GET /admin/functions[/{name}]` and
 * `POST /admin/functions/{name}` (run a non-HTTP function by hand, answers 202 like the host).
 * With `--require-keys` these need the master key; locally they are open, as with Core Tools.
 */
import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoadedFunction } from '../extension';
import { HOST_VERSION } from '../load/coreModule';
import { sendProblem } from './problem';
import { readBody } from './readBody';
import type { HttpRoute } from './routeTable';

export interface AdminContext {
  readonly functions: ReadonlyMap<string, LoadedFunction>;
  readonly routes: readonly HttpRoute[];
  readonly origin: () => string;
  readonly hostJson: Readonly<Record<string, unknown>>;
  readonly instanceId: string;
  readonly startedAt: number;
  readonly authorize: (req: IncomingMessage, url: URL) => boolean;
  /** Starts a non-HTTP function with the `input` string of the admin request body. */
  readonly runManually: (fn: LoadedFunction, input: string | undefined) => void;
}

export async function handleAdmin(
  ctx: AdminContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  if (!path.startsWith('/admin/')) return false;
  if (!ctx.authorize(req, url)) {
    sendProblem(res, 401, 'The admin API needs the master key (?code= or x-functions-key).');
    return true;
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (path === '/admin/host/status' && method === 'GET') {
    sendJson(res, 200, hostStatus(ctx));
    return true;
  }
  if (path === '/admin/functions' && method === 'GET') {
    sendJson(
      res,
      200,
      [...ctx.functions.values()].map((fn) => describeFunction(ctx, fn)),
    );
    return true;
  }
  const name = /^\/admin\/functions\/([^/]+)$/.exec(url.pathname.replace(/\/+$/, ''))?.[1];
  if (name === undefined) return false;
  const fn = findFunction(ctx, name);
  if (!fn) {
    sendProblem(res, 404, `No function named '${name}'.`);
    return true;
  }
  if (method === 'GET') {
    sendJson(res, 200, describeFunction(ctx, fn));
    return true;
  }
  if (method === 'POST' && fn.triggerType.toLowerCase() === 'httptrigger') {
    sendProblem(res, 400, `'${fn.name}' is an HTTP function: call its URL instead.`);
    return true;
  }
  if (method === 'POST') {
    const body = (await readBody(req, 1024 * 1024)).toString('utf8');
    let input: string | undefined;
    try {
      const parsed = body ? (JSON.parse(body) as { input?: unknown }) : {};
      input =
        parsed.input === undefined
          ? undefined
          : typeof parsed.input === 'string'
            ? parsed.input
            : JSON.stringify(parsed.input);
    } catch {
      sendProblem(res, 400, 'The body must be JSON like {"input": "..."}.');
      return true;
    }
    ctx.runManually(fn, input);
    res.writeHead(202);
    res.end();
    return true;
  }
  return false;
}

function findFunction(ctx: AdminContext, encodedName: string): LoadedFunction | undefined {
  let name: string;
  try {
    name = decodeURIComponent(encodedName).toLowerCase();
  } catch {
    return undefined;
  }
  return [...ctx.functions.values()].find((f) => f.name.toLowerCase() === name);
}

function hostStatus(ctx: AdminContext): Record<string, unknown> {
  const bundle = ctx.hostJson['extensionBundle'];
  return {
    id: hostname().toLowerCase(),
    state: 'Running',
    version: HOST_VERSION,
    versionDetails: `${HOST_VERSION} (embedded Flowline host)`,
    platformVersion: '',
    instanceId: ctx.instanceId,
    computerName: hostname(),
    processUptime: Date.now() - ctx.startedAt,
    functionAppContentEditingState: 'Unknown',
    ...(bundle && typeof bundle === 'object' ? { extensionBundle: bundle } : {}),
  };
}

function describeFunction(ctx: AdminContext, fn: LoadedFunction): Record<string, unknown> {
  const origin = ctx.origin();
  const route = ctx.routes.find((r) => r.fn.name === fn.name);
  return {
    name: fn.name,
    href: `${origin}/admin/functions/${fn.name}`,
    invoke_url_template: route ? `${origin}/${route.template.text}` : null,
    language: 'node',
    config: {
      name: fn.name,
      bindings: Object.entries(fn.bindings).map(([name, binding]) => ({ ...binding, name })),
    },
    isDisabled: false,
    isDirect: true,
    isProxy: false,
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
