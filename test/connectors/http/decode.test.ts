/** How responses become outputs: body decoded by content type, headers flattened, size capped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpOutcome } from '../../../src/connectors/http/index';
import { type Backend, DEFAULT_EGRESS, reply, startBackend } from './servers';

let backend: Backend;
let counter = 0;

beforeAll(async () => {
  backend = await startBackend();
});
afterAll(() => backend.close());

/** Serves one answer on a fresh path and calls it. */
async function answer(
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[]>,
  options: { method?: string; maxResponseBytes?: number } = {},
): Promise<HttpOutcome> {
  const path = `/answer/${++counter}`;
  backend.on(path, (_req, res) => reply(res, status, body, headers));
  return executeHttp(
    { method: options.method ?? 'GET', uri: `${backend.origin}${path}` },
    { egress: DEFAULT_EGRESS, maxResponseBytes: options.maxResponseBytes },
  );
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);

describe('response body decoding by content type', () => {
  it.each([
    ['application/json', '{"a":[1,2],"b":null}', { a: [1, 2], b: null }],
    ['application/json; charset=utf-8', '{"é":"ü"}', { é: 'ü' }],
    ['APPLICATION/JSON', '[true]', [true]],
    ['application/problem+json', '{"title":"t"}', { title: 't' }],
    ['application/vnd.api+json', '{"data":[]}', { data: [] }],
    ['application/json', '42', 42],
    ['application/json', '"a string"', 'a string'],
    ['application/json', 'null', null],
    ['application/json', 'not json {', 'not json {'],
    ['application/json', '<html>error page</html>', '<html>error page</html>'],
    ['text/plain; charset=utf-8', 'héllo\nwörld', 'héllo\nwörld'],
    ['text/html', '<p>hi</p>', '<p>hi</p>'],
    ['text/csv', 'a,b\n1,2', 'a,b\n1,2'],
    ['application/xml', '<a><b/></a>', '<a><b/></a>'],
    ['application/soap+xml; charset=utf-8', '<Envelope/>', '<Envelope/>'],
    ['application/x-www-form-urlencoded', 'a=1&b=2', 'a=1&b=2'],
  ])('%s body %j decodes to %j', async (contentType, raw, expected) => {
    const outcome = await answer(200, raw, { 'content-type': contentType });
    expect(outcome.ok && outcome.outputs.body).toEqual(expected);
  });

  it.each([
    ['text/plain; charset=iso-8859-1', Buffer.from([0x68, 0xe9, 0x6c, 0x6c, 0x6f]), 'héllo'],
    ['text/plain; charset="shift_jis"', Buffer.from([0x82, 0xa0]), 'あ'],
    ['application/json; charset=utf-16le', Buffer.from('{"a":"é"}', 'utf16le'), { a: 'é' }],
    ['text/plain; charset=no-such-charset', Buffer.from('plain', 'utf8'), 'plain'],
  ])('decodes text in the declared charset (%s)', async (contentType, raw, expected) => {
    const outcome = await answer(200, raw, { 'content-type': contentType });
    expect(outcome.ok && outcome.outputs.body).toEqual(expected);
  });

  it('keeps a body without a content type as text', async () => {
    const outcome = await answer(200, '{"looks":"like json"}', {});
    expect(outcome.ok && outcome.outputs.body).toBe('{"looks":"like json"}');
  });

  it.each(['image/png', 'application/octet-stream', 'application/pdf', 'audio/mpeg'])(
    'returns a %s body as a base64 $content envelope with the exact bytes',
    async (contentType) => {
      const outcome = await answer(200, PNG, { 'content-type': contentType });
      expect(outcome.ok && outcome.outputs.body).toEqual({
        '$content-type': contentType,
        $content: PNG.toString('base64'),
      });
    },
  );

  it.each([
    ['a 204', 204, 'GET'],
    ['an empty 200', 200, 'GET'],
    ['a HEAD answer', 200, 'HEAD'],
  ])('decodes %s to a null body', async (_label, status, method) => {
    const outcome = await answer(status, '', { 'content-type': 'application/json' }, { method });
    expect(outcome).toMatchObject({ ok: true, outputs: { statusCode: status, body: null } });
  });
});

describe('response headers and failed answers', () => {
  it('exposes headers with lower-case names and joins repeated ones', async () => {
    const outcome = await answer(200, 'x', {
      'X-Request-Id': 'r-1',
      'Set-Cookie': ['a=1; Path=/', 'b=2; Path=/'],
      'content-type': 'text/plain',
    });
    expect(outcome.ok && outcome.outputs.headers).toMatchObject({
      'x-request-id': 'r-1',
      'set-cookie': 'a=1; Path=/, b=2; Path=/',
      'content-type': 'text/plain',
    });
  });

  it.each([
    [404, 'application/json', '{"error":"missing"}', { error: 'missing' }],
    [500, 'text/plain', 'it broke', 'it broke'],
    [409, 'image/png', PNG, { '$content-type': 'image/png', $content: PNG.toString('base64') }],
  ])('keeps statusCode, headers and decoded body in the outputs of a %i', async (status, type, raw, body) => {
    const outcome = await answer(status, raw, { 'content-type': type, 'x-extra': 'kept' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.outputs).toEqual({
      statusCode: status,
      headers: expect.objectContaining({ 'content-type': type, 'x-extra': 'kept' }) as Record<string, string>,
      body,
    });
  });
});

describe('response size cap', () => {
  it.each([
    [1000, 999, true],
    [1000, 1000, true],
    [1000, 1001, false],
  ])('with a cap of %i bytes, a %i-byte body is accepted: %s', async (cap, size, accepted) => {
    const outcome = await answer(
      200,
      'x'.repeat(size),
      { 'content-type': 'text/plain' },
      { maxResponseBytes: cap },
    );
    if (accepted) expect(outcome.ok && outcome.outputs.body).toHaveLength(size);
    else
      expect(outcome).toEqual({
        ok: false,
        retryable: false,
        error: { code: 'ResponseTooLarge', message: `The response body is larger than ${cap} bytes.` },
      });
  });

  it('stops reading a streamed body once it passes the cap and fails without retry', async () => {
    let written = 0;
    let finished = false;
    backend.on('/stream', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(16 * 1024, 7);
      const pump = (): void => {
        while (written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        finished = true;
        res.end();
      };
      pump();
    });
    const outcome = await executeHttp(
      { method: 'GET', uri: `${backend.origin}/stream` },
      { egress: DEFAULT_EGRESS, maxResponseBytes: 100_000 },
    );
    expect(outcome).toMatchObject({ ok: false, retryable: false, error: { code: 'ResponseTooLarge' } });
    expect(finished).toBe(false);
  });
});
