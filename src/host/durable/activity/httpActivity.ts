/**
 * `BuiltIn::HttpActivity`: the durable HTTP request (`callHttp`) made by the host, answered as a
 * DurableHttpResponse `{statusCode, headers, content}`. Managed-identity tokens cannot be had offline.
 */
interface DurableHttpRequest {
  readonly method?: string;
  readonly uri?: string;
  readonly content?: string;
  readonly headers?: Record<string, string | string[]>;
  readonly tokenSource?: unknown;
}

export async function runHttpActivity(input: string | null): Promise<unknown> {
  const request = (input === null ? {} : JSON.parse(input)) as DurableHttpRequest;
  if (!request.uri) throw new Error('callHttp: the request has no uri.');
  if (request.tokenSource)
    throw new Error('callHttp: tokenSource (managed identity) is not available on the embedded host.');
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers ?? {}))
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  const method = (request.method ?? 'GET').toUpperCase();
  const response = await fetch(request.uri, {
    method,
    headers,
    ...(request.content !== undefined && method !== 'GET' && method !== 'HEAD'
      ? { body: request.content }
      : {}),
  });
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  return { statusCode: response.status, headers: outHeaders, content: await response.text() };
}
