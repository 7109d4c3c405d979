/**
 * Request -> `RpcHttpData`, as the Functions host builds it for a Node worker that advertises
 * `UseNullableValueDictionaryForHttp` and `RawHttpBodyBytes`: an absolute URL, lower-cased headers
 * with repeated values joined by ',', `nullableQuery`, `nullableParams` (unset parameters left out)
 * and the body as bytes.
 *
 * Difference from the real host: it sends a body only when Content-Length > 0, so a chunked body
 * arrives empty there. This host delivers chunked bodies too (as bytes), because dropping data the
 * client sent helps nobody locally; do not rely on chunked uploads reaching a function on Azure.
 */
import type { IncomingMessage } from 'node:http';

type Nullable = Record<string, { value: string }>;

export function toRpcHttpData(
  req: IncomingMessage,
  url: URL,
  params: Readonly<Record<string, string>>,
  body: Buffer,
): Record<string, unknown> {
  // Names come from the caller: collect them in a Map and build the objects with own properties,
  // so `__proto__` or `constructor` are plain names, not the object's prototype or its constructor.
  const headers = new Map<string, string>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] ?? '').toLowerCase();
    const value = req.rawHeaders[i + 1] ?? '';
    if (value === '') continue; // IgnoreEmptyValuedRpcHttpHeaders
    const existing = headers.get(name);
    headers.set(name, existing === undefined ? value : `${existing},${value}`);
  }
  const nullableHeaders: Nullable = nullable(headers);
  const nullableQuery: Nullable = nullable(
    [...new Set(url.searchParams.keys())].map((name) => [name, url.searchParams.getAll(name).join(',')]),
  );
  const nullableParams: Nullable = nullable(Object.entries(params));
  const data: Record<string, unknown> = {
    method: req.method ?? 'GET',
    url: url.href,
    nullableHeaders,
    nullableQuery,
    nullableParams,
  };
  if (body.length > 0) data['body'] = { bytes: new Uint8Array(body.buffer, body.byteOffset, body.length) };
  return data;
}

function nullable(entries: Iterable<readonly [string, string]>): Nullable {
  return Object.fromEntries([...entries].map(([name, value]) => [name, { value }]));
}
