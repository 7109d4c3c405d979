/**
 * One HTTP request on the main port: extensions first, then the admin API, then the function
 * routes (key check, body read with a size limit, invocation, response).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionsRuntime, HostExtension, InvocationResult } from '../extension';
import { type AdminContext, handleAdmin } from './admin';
import { applyCors, type CorsPolicy } from './cors';
import { type KeyStore, presentedKey } from './keys';
import { sendProblem } from './problem';
import { BodyTooLargeError, readBody } from './readBody';
import { type HttpRoute, matchRoute } from './routeTable';
import { toRpcHttpData } from './toRpcHttp';
import { writeHttpResponse } from './writeResponse';

export interface DispatchContext {
  readonly runtime: FunctionsRuntime;
  readonly extensions: readonly HostExtension[];
  readonly routes: readonly HttpRoute[];
  readonly keys: KeyStore | undefined;
  readonly maxRequestBodyBytes: number;
  readonly cors: CorsPolicy | undefined;
  readonly admin: AdminContext;
  /** Fallback origin when a request has no Host header. */
  readonly origin: () => string;
}

export async function dispatch(
  ctx: DispatchContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = requestUrl(req, ctx.origin());
  if (applyCors(ctx.cors, req, res)) return;
  for (const extension of ctx.extensions) {
    if (extension.handleHttp && (await extension.handleHttp(req, res, url))) return;
  }
  if (await handleAdmin(ctx.admin, req, res, url)) return;
  const method = (req.method ?? 'GET').toUpperCase();
  const match = matchRoute(ctx.routes, method, url.pathname);
  if (!match && url.pathname === '/' && (method === 'GET' || method === 'HEAD') && sendHomepage(res, method))
    return;
  if (!match) {
    sendProblem(res, 404, `No function matches ${method} ${url.pathname}.`);
    return;
  }
  const { route, params } = match;
  if (ctx.keys && !ctx.keys.authorize(route.authLevel, route.fn.name, presentedKey(req, url))) {
    sendProblem(
      res,
      401,
      `Function '${route.fn.name}' has authLevel '${route.authLevel}': send a key as ?code= or x-functions-key.`,
    );
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req, ctx.maxRequestBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      res.setHeader('connection', 'close');
      sendProblem(res, 413, error.message);
      return;
    }
    throw error;
  }
  const rpcHttp = toRpcHttpData(req, url, params, body);
  const result = await ctx.runtime.invoke(route.fn.name, {
    inputData: [{ name: route.fn.triggerBindingName, data: { http: rpcHttp } }],
    ...traceContextOf(req),
  });
  if (!result.ok) {
    // The real host answers an unhandled function error with an empty 500; the failure is in the log.
    res.writeHead(500, { 'content-length': 0 });
    res.end();
    return;
  }
  writeHttpResponse(res, httpOutput(result, route), method === 'HEAD');
}

function httpOutput(
  result: Extract<InvocationResult, { ok: true }>,
  route: HttpRoute,
): Record<string, unknown> | undefined {
  const fromReturn = result.returnValue && 'http' in result.returnValue ? result.returnValue.http : undefined;
  if (fromReturn) return fromReturn;
  const httpBinding = Object.entries(route.fn.bindings).find(
    ([name, b]) => name !== '$return' && b.direction === 'out' && b.type.toLowerCase() === 'http',
  );
  const named = httpBinding ? result.outputData.find((o) => o.name === httpBinding[0])?.data : undefined;
  return named && 'http' in named ? named.http : undefined;
}

function requestUrl(req: IncomingMessage, fallbackOrigin: string): URL {
  const host = req.headers.host;
  const origin = host ? `http://${host}` : fallbackOrigin;
  try {
    return new URL(req.url ?? '/', origin);
  } catch {
    return new URL(req.url ?? '/', fallbackOrigin);
  }
}

function traceContextOf(req: IncomingMessage): {
  traceContext?: { traceParent: string; traceState?: string };
} {
  const parent = req.headers['traceparent'];
  if (typeof parent !== 'string') return {};
  const state = req.headers['tracestate'];
  return {
    traceContext: { traceParent: parent, ...(typeof state === 'string' ? { traceState: state } : {}) },
  };
}

/** The host's landing page at `/`, unless the app setting `AzureWebJobsDisableHomepage` is true. */
function sendHomepage(res: ServerResponse, method: string): boolean {
  if (process.env['AzureWebJobsDisableHomepage']?.toLowerCase() === 'true') return false;
  const html =
    '<!DOCTYPE html><html><head><title>Your Functions app is up and running</title></head>' +
    '<body><h1>Your Functions 4.0 app is up and running</h1><p>Served by the Flowline embedded host.</p></body></html>';
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
  });
  res.end(method === 'HEAD' ? undefined : html);
  return true;
}
