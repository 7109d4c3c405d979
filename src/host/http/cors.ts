/**
 * CORS as Core Tools applies it from local.settings.json `Host.CORS` (comma-separated origins or `*`)
 * and `Host.CORSCredentials`: any method and header are allowed for an allowed origin. Preflight
 * requests are answered here (204); other requests get the response headers added.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsPolicy {
  readonly origins: readonly string[] | '*';
  readonly credentials: boolean;
}

export function corsPolicy(host: Readonly<Record<string, unknown>> | undefined): CorsPolicy | undefined {
  const raw = host?.['CORS'];
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const list = raw
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, '').toLowerCase())
    .filter(Boolean);
  return { origins: list.includes('*') ? '*' : list, credentials: host?.['CORSCredentials'] === true };
}

/** Returns true when the request was a preflight and has been answered. */
export function applyCors(
  policy: CorsPolicy | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const origin = req.headers.origin;
  if (!policy || !origin) return false;
  const allowed = policy.origins === '*' || policy.origins.includes(origin.replace(/\/+$/, '').toLowerCase());
  if (!allowed) return false;
  res.setHeader('access-control-allow-origin', policy.origins === '*' && !policy.credentials ? '*' : origin);
  res.setHeader('vary', 'Origin');
  if (policy.credentials) res.setHeader('access-control-allow-credentials', 'true');
  const requestedMethod = req.headers['access-control-request-method'];
  if (req.method !== 'OPTIONS' || typeof requestedMethod !== 'string') return false;
  res.setHeader('access-control-allow-methods', requestedMethod);
  const requestedHeaders = req.headers['access-control-request-headers'];
  if (typeof requestedHeaders === 'string') res.setHeader('access-control-allow-headers', requestedHeaders);
  res.writeHead(204);
  res.end();
  return true;
}
