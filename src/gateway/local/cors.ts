/**
 * The gateway's CORS policy (`FLOWLINE_GATEWAY_CORS_ORIGINS`). Preflights are answered here, before
 * authentication (browsers never send credentials on them): 204 for an allowed origin, 403 otherwise.
 * Other responses get `Access-Control-Allow-Origin` for an allowed origin only; the host's own CORS
 * headers are dropped so there is one policy on the gateway port. CORS protects browsers' users, not
 * the API: requests from other origins still need a valid token.
 */
import type { IncomingMessage } from 'node:http';
import { normalizeOrigin } from './config';

export type CorsOrigins = readonly string[] | '*' | undefined;

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const EXPOSED = 'location, retry-after, www-authenticate, x-flowline-run-id';
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

export function isPreflight(req: IncomingMessage): boolean {
  return (
    req.method === 'OPTIONS' &&
    typeof req.headers.origin === 'string' &&
    typeof req.headers['access-control-request-method'] === 'string'
  );
}

/** Headers for a response to `req`: empty when the request has no Origin or the origin is not allowed. */
export function corsHeaders(origins: CorsOrigins, req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (origin === undefined || !allowed(origins, origin)) return {};
  return {
    'access-control-allow-origin': origins === '*' ? '*' : origin,
    'access-control-expose-headers': EXPOSED,
    vary: 'Origin',
  };
}

/** The 204 headers for an allowed preflight, or undefined when the origin is not allowed. */
export function preflightHeaders(
  origins: CorsOrigins,
  req: IncomingMessage,
): Record<string, string> | undefined {
  const origin = req.headers.origin;
  if (origin === undefined || !allowed(origins, origin)) return undefined;
  const requested = req.headers['access-control-request-headers'];
  return {
    'access-control-allow-origin': origins === '*' ? '*' : origin,
    'access-control-allow-methods': METHODS,
    'access-control-allow-headers':
      typeof requested === 'string' && HEADER_LIST.test(requested)
        ? requested
        : 'authorization, content-type',
    'access-control-max-age': '600',
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}

function allowed(origins: CorsOrigins, origin: string): boolean {
  if (origins === undefined) return false;
  return origins === '*' || origins.includes(normalizeOrigin(origin));
}
