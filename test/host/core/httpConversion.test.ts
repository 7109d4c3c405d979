import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningHost } from '../../../src/host/startHost';
import { type LogLine, startFixture } from './helpers';

let host: RunningHost;
let logs: LogLine[];
beforeAll(async () => {
  ({ host, logs } = await startFixture('http-basic', { maxRequestBodyBytes: 1024 }));
});
afterAll(() => host.stop());

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  params: Record<string, string>;
  bodyBase64: string;
  bodyLength: number;
}

/** A raw node:http request, so headers can repeat and the body can be chunked. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string | string[]>; chunks?: Buffer[] },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${host.origin}${path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
        );
      },
    );
    req.on('error', reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe('request conversion', () => {
  test('the handler sees the absolute URL, lower-cased headers joined by commas, query and route values', async () => {
    const response = await raw('/api/echo/x/y?a=1&a=2&b=%20three', {
      headers: { 'X-Custom-Header': ['one', 'two'], Accept: 'text/plain' },
    });
    const echo = JSON.parse(response.body.toString()) as Echo;
    expect(echo.url).toBe(`${host.origin}/api/echo/x/y?a=1&a=2&b=%20three`);
    expect(echo.headers['x-custom-header']).toBe('one,two');
    expect(echo.headers['accept']).toBe('text/plain');
    expect(echo.query).toEqual({ a: '1,2', b: ' three' });
    expect(echo.params).toEqual({ rest: 'x/y' });
  });

  test('a binary body arrives byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 13, 10]);
    const response = await fetch(`${host.origin}/api/echo`, { method: 'POST', body: bytes });
    const echo = (await response.json()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64')).toEqual(bytes);
    expect(echo.method).toBe('POST');
  });

  test('a chunked body without Content-Length is delivered too', async () => {
    const response = await raw('/api/echo', {
      method: 'PUT',
      headers: { 'transfer-encoding': 'chunked' },
      chunks: [Buffer.from('part one, '), Buffer.from('part two')],
    });
    const echo = JSON.parse(response.body.toString()) as Echo;
    expect(Buffer.from(echo.bodyBase64, 'base64').toString()).toBe('part one, part two');
  });

  test('a request without a body gives an empty body', async () => {
    const echo = (await (await fetch(`${host.origin}/api/echo`, { method: 'DELETE' })).json()) as Echo;
    expect(echo.bodyLength).toBe(0);
  });

  test('a W3C traceparent header becomes the invocation trace context', async () => {
    const traceParent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const response = await fetch(`${host.origin}/api/echo`, { headers: { traceparent: traceParent } });
    expect(((await response.json()) as { traceParent: string }).traceParent).toBe(traceParent);
  });

  test('a body over the size limit is refused with 413 problem details', async () => {
    const response = await fetch(`${host.origin}/api/echo`, { method: 'POST', body: Buffer.alloc(2048, 1) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  test('a chunked body that grows past the limit is refused with 413', async () => {
    const response = await raw('/api/echo', {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      chunks: [Buffer.alloc(600), Buffer.alloc(600)],
    });
    expect(response.status).toBe(413);
  });
});

describe('response conversion', () => {
  test('an empty return answers 204 with no body', async () => {
    const response = await fetch(`${host.origin}/api/empty`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  test('status, custom headers and a JSON body come back as the handler set them', async () => {
    const response = await fetch(`${host.origin}/api/created`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-custom')).toBe('yes');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ ok: true });
  });

  test('a plain string body is text/plain', async () => {
    const response = await fetch(`${host.origin}/api/hello`);
    expect(response.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(await response.text()).toBe('Hello, world');
  });

  test('cookies become Set-Cookie headers with their attributes', async () => {
    const response = await raw('/api/cookies', {});
    expect(response.headers['set-cookie']).toEqual([
      'session=abc; path=/api; secure; samesite=strict; httponly',
      'theme=dark; max-age=3600; path=/',
    ]);
  });

  test('HEAD is routed like GET but answers without a body', async () => {
    const response = await raw('/api/echo', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body.length).toBe(0);
  });

  test('an exception in the handler answers an empty 500 and logs the failure in the worker form', async () => {
    const response = await fetch(`${host.origin}/api/boom`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
    const line = logs.find((l) => l.message.includes('kaboom from the handler'));
    expect(line?.level).toBe('error');
    expect(line?.message).toMatch(
      /Result: Failure\nException: kaboom from the handler\nStack: Error: kaboom/,
    );
  });
});

describe('admin API', () => {
  test('GET /admin/host/status reports Running', async () => {
    const response = await fetch(`${host.origin}/admin/host/status`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ state: 'Running' });
  });

  test.each([
    ['POST', '/admin/functions/Hello', 400],
    ['POST', '/admin/functions/NoSuchFunction', 404],
    ['POST', '/admin/functions/%E0%A4%A', 404],
    ['GET', '/admin/functions/hello', 200],
  ])('%s %s answers %i', async (method, path, status) => {
    const response = await fetch(host.origin + path, { method, body: method === 'POST' ? '{}' : undefined });
    expect(response.status).toBe(status);
  });

  test('GET /admin/functions lists every function with its bindings and invoke URL', async () => {
    const list = (await (await fetch(`${host.origin}/admin/functions`)).json()) as {
      name: string;
      invoke_url_template: string | null;
      config: { bindings: { type: string }[] };
    }[];
    const hello = list.find((f) => f.name === 'Hello');
    expect(hello?.invoke_url_template).toBe(`${host.origin}/api/Hello`);
    expect(hello?.config.bindings.map((b) => b.type).sort()).toEqual(['http', 'httpTrigger']);
    expect(list).toHaveLength(host.runtime.functions.size);
  });
});
