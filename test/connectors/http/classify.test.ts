/** Which outcomes succeed, which fail for good and which the engine may retry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpOutcome } from '../../../src/connectors/http/index';
import { type Backend, closedPort, DEFAULT_EGRESS, reply, startBackend } from './servers';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend();
  backend.on('/status', (req, res) => {
    const url = new URL(req.url, 'http://x');
    const retryAfter = url.searchParams.get('retryAfter');
    reply(
      res,
      Number(url.searchParams.get('code')),
      { from: 'backend' },
      retryAfter ? { 'retry-after': retryAfter } : {},
    );
  });
  backend.on('/silent', () => undefined);
  backend.on('/drip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 50);
    res.on('close', () => clearInterval(timer));
    setTimeout(() => res.end(), 1_500);
  });
  backend.on('/cut', (_req, res) => {
    res.writeHead(200, { 'content-length': '100' });
    res.write('only ten b');
    setTimeout(() => res.socket?.destroy(), 20);
  });
});
afterAll(() => backend.close());

const call = (path: string, timeoutMs?: number): Promise<HttpOutcome> =>
  executeHttp({ method: 'GET', uri: `${backend.origin}${path}`, timeoutMs }, { egress: DEFAULT_EGRESS });

describe('status classification', () => {
  it.each([
    [200, true, false, undefined],
    [201, true, false, undefined],
    [202, true, false, undefined],
    [204, true, false, undefined],
    [400, false, false, 'BadRequest'],
    [401, false, false, 'Unauthorized'],
    [403, false, false, 'Forbidden'],
    [404, false, false, 'NotFound'],
    [409, false, false, 'Conflict'],
    [408, false, true, 'RequestTimeout'],
    [429, false, true, 'TooManyRequests'],
    [500, false, true, 'InternalServerError'],
    [502, false, true, 'BadGateway'],
    [503, false, true, 'ServiceUnavailable'],
    [504, false, true, 'GatewayTimeout'],
  ])('status %i: ok %s, retryable %s, code %s', async (status, ok, retryable, code) => {
    const outcome = await call(`/status?code=${status}`);
    expect(outcome.ok).toBe(ok);
    expect(outcome.ok ? undefined : outcome.retryable).toBe(ok ? undefined : retryable);
    if (outcome.ok) return expect(outcome.outputs.statusCode).toBe(status);
    expect(outcome.error).toEqual({
      code,
      message: `The HTTP request failed with status code ${status} (${code}).`,
    });
    expect(outcome.outputs?.statusCode).toBe(status);
  });

  it('retries only on 408, 429, 5xx and connection failures', async () => {
    const retryable: number[] = [];
    for (const status of [
      200, 400, 401, 403, 404, 405, 408, 409, 410, 422, 429, 500, 501, 502, 503, 504, 599,
    ]) {
      const outcome = await call(`/status?code=${status}`);
      if (!outcome.ok && outcome.retryable) retryable.push(status);
    }
    expect(retryable).toEqual([408, 429, 500, 501, 502, 503, 504, 599]);
  });
});

describe('transport failures', () => {
  it('reports a refused connection (closed port) as a retryable ConnectionFailed', async () => {
    const port = await closedPort();
    const outcome = await executeHttp(
      { method: 'GET', uri: `http://127.0.0.1:${port}/x` },
      { egress: DEFAULT_EGRESS },
    );
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'ConnectionFailed' } });
    expect(!outcome.ok && outcome.error.message).toMatch(/ECONNREFUSED/);
    expect(!outcome.ok && outcome.outputs).toBeUndefined();
  });

  it('reports a connection cut in the middle of the body as a retryable ConnectionFailed', async () => {
    expect(await call('/cut')).toMatchObject({
      ok: false,
      retryable: true,
      error: { code: 'ConnectionFailed' },
    });
  });

  it('reports a server that never answers as a retryable RequestTimeout after the per-call timeout', async () => {
    const started = Date.now();
    const outcome = await call('/silent', 200);
    const elapsed = Date.now() - started;
    expect(outcome).toEqual({
      ok: false,
      retryable: true,
      error: { code: 'RequestTimeout', message: 'The request timed out after 200 ms.' },
    });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('times out a response that keeps trickling bytes past the per-call timeout', async () => {
    const started = Date.now();
    const outcome = await call('/drip', 300);
    expect(outcome).toMatchObject({ ok: false, retryable: true, error: { code: 'RequestTimeout' } });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('Retry-After', () => {
  it.each([
    [503, '7', 7_000],
    [429, '0', 0],
    [429, '120', 120_000],
    [503, ' 2 ', 2_000],
    [503, '-5', 0],
  ])('surfaces Retry-After on a %i in seconds (%j) as %i ms', async (status, header, expected) => {
    const outcome = await call(`/status?code=${status}&retryAfter=${encodeURIComponent(header)}`);
    expect(outcome).toMatchObject({ ok: false, retryable: true, retryAfterMs: expected });
  });

  it('surfaces Retry-After given as an HTTP date as the ms left until then', async () => {
    const date = new Date(Date.now() + 30_000).toUTCString();
    const outcome = await call(`/status?code=503&retryAfter=${encodeURIComponent(date)}`);
    const after = !outcome.ok ? (outcome.retryAfterMs ?? -1) : -1;
    expect(after).toBeGreaterThan(28_000);
    expect(after).toBeLessThanOrEqual(30_000);
  });

  it('surfaces an HTTP date in the past as 0 ms', async () => {
    const outcome = await call(
      `/status?code=429&retryAfter=${encodeURIComponent('Wed, 21 Oct 2015 07:28:00 GMT')}`,
    );
    expect(outcome).toMatchObject({ ok: false, retryAfterMs: 0 });
  });

  it.each([
    ['absent', ''],
    ['not a number or date', 'soon'],
  ])('leaves retryAfterMs out when the header is %s', async (_label, header) => {
    const outcome = await call(`/status?code=503${header ? `&retryAfter=${header}` : ''}`);
    expect(outcome.ok).toBe(false);
    expect(outcome).not.toHaveProperty('retryAfterMs');
  });
});
