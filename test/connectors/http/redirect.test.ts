/** Redirects: followed for GET and HEAD only, at most five hops, credentials kept to their origin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpCallInput, type HttpOutcome } from '../../../src/connectors/http/index';
import { type Backend, DEFAULT_EGRESS, reply, startBackend } from './servers';

let backend: Backend;
let other: Backend;

beforeAll(async () => {
  backend = await startBackend();
  other = await startBackend();
  backend.on('/final', (_req, res) => reply(res, 200, { arrived: true }));
  backend.on('/dir/final', (_req, res) => reply(res, 200, { arrived: 'relative' }));
  backend.on('/redirect', (req, res) => {
    const status = new URL(req.url, backend.origin).searchParams.get('status') ?? '302';
    reply(res, Number(status), '', { location: '/final' });
  });
  backend.on('/dir/relative', (_req, res) => reply(res, 302, '', { location: 'final' }));
  backend.on('/no-location', (_req, res) => reply(res, 302, 'nowhere'));
  backend.on('/loop', (_req, res) => reply(res, 302, '', { location: '/loop' }));
  backend.on('/away', (_req, res) => reply(res, 307, '', { location: `${other.origin}/landing` }));
  other.on('/landing', (_req, res) => reply(res, 200, { landed: true }));
});
afterAll(async () => {
  await backend.close();
  await other.close();
});

const call = (method: string, path: string, extra: Partial<HttpCallInput> = {}): Promise<HttpOutcome> =>
  executeHttp({ method, uri: `${backend.origin}${path}`, ...extra }, { egress: DEFAULT_EGRESS });

const paths = (from: number): string[] => backend.requests.slice(from).map((r) => `${r.method} ${r.url}`);

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('GET follows a %i to its Location', async (status) => {
    const from = backend.requests.length;
    const outcome = await call('GET', `/redirect?status=${status}`);
    expect(outcome).toMatchObject({ ok: true, outputs: { statusCode: 200, body: { arrived: true } } });
    expect(paths(from)).toEqual([`GET /redirect?status=${status}`, 'GET /final']);
  });

  it('HEAD follows a redirect with HEAD', async () => {
    const from = backend.requests.length;
    expect(await call('HEAD', '/redirect')).toMatchObject({ ok: true, outputs: { statusCode: 200 } });
    expect(paths(from)).toEqual(['HEAD /redirect', 'HEAD /final']);
  });

  it('resolves a relative Location against the URL that answered', async () => {
    const outcome = await call('GET', '/dir/relative');
    expect(outcome).toMatchObject({ ok: true, outputs: { body: { arrived: 'relative' } } });
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    '%s does not follow a redirect and fails with the 3xx outputs',
    async (method) => {
      const from = backend.requests.length;
      const outcome = await call(method, '/redirect?status=302', { body: { x: 1 } });
      expect(outcome).toMatchObject({
        ok: false,
        retryable: false,
        outputs: { statusCode: 302, headers: { location: '/final' } },
        error: { code: 'Found' },
      });
      expect(paths(from)).toEqual([`${method} /redirect?status=302`]);
    },
  );

  it('returns a redirect without Location as is', async () => {
    const outcome = await call('GET', '/no-location');
    expect(outcome).toMatchObject({
      ok: false,
      retryable: false,
      outputs: { statusCode: 302, body: 'nowhere' },
    });
  });

  it('gives up after five redirects and fails with the last 3xx', async () => {
    const from = backend.requests.length;
    const outcome = await call('GET', '/loop');
    expect(outcome).toMatchObject({ ok: false, retryable: false, outputs: { statusCode: 302 } });
    expect(paths(from)).toEqual(Array<string>(6).fill('GET /loop'));
  });

  it('keeps headers, Authorization and cookie on a same-origin redirect', async () => {
    const from = backend.requests.length;
    await call('GET', '/redirect', {
      headers: { 'x-trace': 't1' },
      cookie: 'sid=1',
      authentication: { type: 'Raw', value: 'Token same-origin' },
    });
    const final = backend.requests.slice(from).find((r) => r.url === '/final');
    expect(final?.headers).toMatchObject({
      'x-trace': 't1',
      cookie: 'sid=1',
      authorization: 'Token same-origin',
    });
  });

  it('does not forward Authorization or cookie to a different origin', async () => {
    const from = other.requests.length;
    const outcome = await call('GET', '/away', {
      headers: { 'x-trace': 't2' },
      cookie: 'sid=2',
      authentication: { type: 'Basic', username: 'u', password: 'cross-origin-secret' },
    });
    expect(outcome).toMatchObject({ ok: true, outputs: { body: { landed: true } } });
    const landing = other.requests.slice(from);
    expect(landing).toHaveLength(1);
    expect(landing[0]?.headers['x-trace']).toBe('t2');
    expect(landing[0]?.headers.authorization).toBeUndefined();
    expect(landing[0]?.headers.cookie).toBeUndefined();
  });
});
