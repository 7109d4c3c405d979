/**
 * RPC http value -> HTTP response: `statusCode` (a string), headers, cookies (rendered like ASP.NET's
 * Set-Cookie, path defaults to `/`) and the body bytes. No value at all means 204 No Content.
 */
import type { ServerResponse } from 'node:http';
import type { RpcTypedData } from '../extension';

interface RpcCookie {
  name?: string;
  value?: string;
  domain?: { value?: string } | null;
  path?: { value?: string } | null;
  expires?: { value?: { seconds?: number } } | null;
  secure?: { value?: boolean } | null;
  httpOnly?: { value?: boolean } | null;
  sameSite?: string;
  maxAge?: { value?: number } | null;
}

export function writeHttpResponse(
  res: ServerResponse,
  http: Record<string, unknown> | undefined,
  head: boolean,
): void {
  if (http === undefined) {
    res.writeHead(204);
    res.end();
    return;
  }
  const status = Number(http['statusCode'] ?? 200);
  const body = bodyBytes(http['body'] as RpcTypedData | null | undefined);
  const headers = (http['headers'] ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    if (name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding') continue;
    res.setHeader(name, Array.isArray(value) ? value.map((v) => headerText(v)) : headerText(value));
  }
  const cookies = Array.isArray(http['cookies']) ? (http['cookies'] as RpcCookie[]).map(renderCookie) : [];
  if (cookies.length > 0) {
    const existing = res.getHeader('set-cookie');
    const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
    res.setHeader('set-cookie', [...before, ...cookies]);
  }
  const noBody = head || status === 204 || status === 304 || (status >= 100 && status < 200);
  if (!noBody) res.setHeader('content-length', body.length);
  res.writeHead(Number.isInteger(status) && status >= 100 && status <= 999 ? status : 500);
  res.end(noBody ? undefined : body);
}

export function bodyBytes(body: RpcTypedData | null | undefined): Buffer {
  if (!body) return Buffer.alloc(0);
  if ('bytes' in body) return Buffer.from(body.bytes);
  if ('string' in body) return Buffer.from(body.string, 'utf8');
  if ('json' in body) return Buffer.from(body.json, 'utf8');
  if ('int' in body) return Buffer.from(String(body.int));
  if ('double' in body) return Buffer.from(String(body.double));
  return Buffer.alloc(0);
}

function renderCookie(cookie: RpcCookie): string {
  const parts = [`${cookie.name ?? ''}=${cookie.value ?? ''}`];
  const expires = cookie.expires?.value?.seconds;
  if (expires !== undefined) parts.push(`expires=${new Date(expires * 1000).toUTCString()}`);
  if (cookie.maxAge?.value !== undefined) parts.push(`max-age=${Math.trunc(cookie.maxAge.value)}`);
  if (cookie.domain?.value) parts.push(`domain=${cookie.domain.value}`);
  parts.push(`path=${cookie.path?.value || '/'}`);
  if (cookie.secure?.value) parts.push('secure');
  const sameSite = { lax: 'lax', strict: 'strict', explicitNone: 'none' }[cookie.sameSite ?? ''];
  if (sameSite) parts.push(`samesite=${sameSite}`);
  if (cookie.httpOnly?.value) parts.push('httponly');
  return parts.join('; ');
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return value.toString();
  return JSON.stringify(value);
}
