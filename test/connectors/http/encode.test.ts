/** What the Http connector puts on the wire: method, URL with queries, headers and body bytes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpCallInput } from '../../../src/connectors/http/index';
import { type Backend, DEFAULT_EGRESS, type RecordedRequest, reply, startBackend } from './servers';

let backend: Backend;
let counter = 0;

beforeAll(async () => {
  backend = await startBackend();
});
afterAll(() => backend.close());

/** Calls a fresh path that answers 200 and returns the one request the backend received there. */
async function sent(input: Omit<HttpCallInput, 'uri'> & { readonly uri?: string }): Promise<RecordedRequest> {
  const path = `/echo/${++counter}`;
  backend.on(path, (_req, res) => reply(res, 200, { ok: true }));
  const outcome = await executeHttp(
    { uri: `${backend.origin}${path}`, ...input },
    { egress: DEFAULT_EGRESS },
  );
  expect(outcome.ok).toBe(true);
  const requests = backend.requestsTo(path);
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

describe('request body', () => {
  it.each([
    ['an object', { name: 'Ada', tags: ['x', 'y'], nested: { n: 1.5, nil: null } }],
    ['an array', [1, 'two', { three: 3 }]],
    ['a number', 42],
    ['zero', 0],
    ['false', false],
  ])('sends %s as UTF-8 JSON with a JSON content type', async (_label, body) => {
    const request = await sent({ method: 'POST', body });
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request.body.toString('utf8'))).toEqual(body);
    expect(request.headers['content-length']).toBe(String(request.body.length));
  });

  it('keeps the content type the author set for a JSON body', async () => {
    const request = await sent({
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.flowline+json' },
      body: { a: 'é' },
    });
    expect(request.headers['content-type']).toBe('application/vnd.flowline+json');
    expect(request.body.toString('utf8')).toBe('{"a":"é"}');
  });

  it('sends a string body as is, as UTF-8 text', async () => {
    const text = 'line one\nligne deux — ünïcødé ✓ {"not":"json"}';
    const request = await sent({ method: 'POST', body: text });
    expect(request.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(request.body.equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('decodes a $content envelope from base64 and sends the exact bytes with its $content-type', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x80, 0x7f]);
    const request = await sent({
      method: 'POST',
      body: { '$content-type': 'image/png', $content: bytes.toString('base64') },
    });
    expect(request.headers['content-type']).toBe('image/png');
    expect(request.headers['content-length']).toBe(String(bytes.length));
    expect(request.body.equals(bytes)).toBe(true);
  });

  it('labels a $content envelope without $content-type as application/octet-stream', async () => {
    const request = await sent({ method: 'POST', body: { $content: Buffer.from('raw').toString('base64') } });
    expect(request.headers['content-type']).toBe('application/octet-stream');
    expect(request.body.toString('utf8')).toBe('raw');
  });

  it('round-trips binary content: the bytes sent come back as the same $content envelope', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_v, i) => i));
    backend.on('/mirror', (req, res) =>
      reply(res, 200, req.body, { 'content-type': String(req.headers['content-type']) }),
    );
    const envelope = { '$content-type': 'application/pdf', $content: bytes.toString('base64') };
    const outcome = await executeHttp(
      { method: 'POST', uri: `${backend.origin}/mirror`, body: envelope },
      { egress: DEFAULT_EGRESS },
    );
    expect(outcome.ok && outcome.outputs.body).toEqual(envelope);
  });

  it.each([
    ['absent', undefined],
    ['null', null],
  ])('sends no body and no content headers when the body is %s', async (_label, body) => {
    const request = await sent({ method: 'GET', body });
    expect(request.body.length).toBe(0);
    expect(request.headers['content-type']).toBeUndefined();
    expect(request.headers['content-length']).toBeUndefined();
  });
});

describe('method, queries and headers', () => {
  it.each([
    [
      'a method with a space',
      { method: 'GE T' },
      "method: expected an HTTP method such as GET or POST, found 'GE T'.",
    ],
    ['a method with a line break', { method: 'GET\r\nX-Injected: 1' }, 'method: expected an HTTP method'],
    [
      'a header name with a space',
      { method: 'GET', headers: { 'x bad': '1' } },
      "headers: 'x bad' is not a valid header name.",
    ],
    [
      'a header value with CR LF',
      { method: 'GET', headers: { 'x-note': 'a\r\nX-Injected: 1' } },
      'headers.x-note: expected a value without line breaks or NUL characters.',
    ],
  ])('refuses %s as a terminal InvalidRequest, sending nothing', async (_label, input, message) => {
    const path = `/refused/${++counter}`;
    const outcome = await executeHttp(
      { uri: `${backend.origin}${path}`, ...input },
      { egress: DEFAULT_EGRESS },
    );
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidRequest' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain(message);
    expect(backend.requestsTo(path)).toHaveLength(0);
  });

  it.each(['get', 'Post', 'PUT', 'patch', 'DELETE', 'OPTIONS'])(
    'sends method %s in upper case',
    async (m) => {
      expect((await sent({ method: m })).method).toBe(m.toUpperCase());
    },
  );

  it('appends queries URL-encoded, with non-string values as JSON text', async () => {
    const queries = { q: 'a b&c=d', 'odd key': 'ü/?#+%', n: 5, flag: true, obj: { a: [1] } };
    const request = await sent({ method: 'GET', queries });
    expect(request.url).not.toMatch(/[ #ü]/);
    const received = new URL(request.url, backend.origin).searchParams;
    expect(Object.fromEntries(received)).toEqual({
      q: 'a b&c=d',
      'odd key': 'ü/?#+%',
      n: '5',
      flag: 'true',
      obj: '{"a":[1]}',
    });
  });

  it("keeps the uri's own query string exactly as written when appending queries", async () => {
    const path = `/echo/${++counter}`;
    backend.on(path, (_req, res) => reply(res, 200));
    await executeHttp(
      { method: 'GET', uri: `${backend.origin}${path}?sig=a%20b~c&flag`, queries: { x: 'y z' } },
      { egress: DEFAULT_EGRESS },
    );
    expect(backend.requestsTo(path)[0]?.url).toBe(`${path}?sig=a%20b~c&flag&x=y+z`);
  });

  it('sends headers case-insensitively, non-string values as JSON text, and the cookie', async () => {
    const request = await sent({
      method: 'GET',
      headers: { 'X-Trace-Id': 'abc-123', 'x-count': 3, 'X-Flags': ['a', 'b'] },
      cookie: 'session=s1; theme=dark',
    });
    expect(request.headers['x-trace-id']).toBe('abc-123');
    expect(request.headers['x-count']).toBe('3');
    expect(request.headers['x-flags']).toBe('["a","b"]');
    expect(request.headers['cookie']).toBe('session=s1; theme=dark');
  });

  it.each([
    ['POST', 'key-1'],
    ['PUT', 'key-1'],
    ['PATCH', 'key-1'],
    ['DELETE', 'key-1'],
    ['GET', undefined],
    ['HEAD', undefined],
    ['OPTIONS', undefined],
  ])('sends the idempotency key on %s only when the method changes state', async (method, expected) => {
    expect((await sent({ method, idempotencyKey: 'key-1' })).headers['idempotency-key']).toBe(expected);
  });

  it("keeps the author's own Idempotency-Key header", async () => {
    const request = await sent({
      method: 'POST',
      headers: { 'IDEMPOTENCY-KEY': 'mine' },
      idempotencyKey: 'k',
    });
    expect(request.headers['idempotency-key']).toBe('mine');
  });

  it.each([
    ['a relative uri', '/relative/path'],
    ['an unsupported scheme', 'ftp://127.0.0.1/file'],
    ['a malformed uri', 'http://'],
  ])('rejects %s as a terminal InvalidRequest without sending anything', async (_label, uri) => {
    const before = backend.requests.length;
    const outcome = await executeHttp({ method: 'GET', uri }, { egress: DEFAULT_EGRESS });
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidRequest' } });
    expect(backend.requests.length).toBe(before);
  });
});
