/**
 * The gateway's limits and CORS: per-caller rate limiting (429 with Retry-After, then recovery),
 * the body size limit (413), and CORS preflights from allowed and refused origins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, invokePath, PROBLEM, startHarness } from './helpers';

const ALLOWED = 'https://app.contoso.com';
const tooMany = (seconds: number): object => ({
  type: 'https://tools.ietf.org/html/rfc6585#section-4',
  title: 'Too Many Requests',
  status: 429,
  detail: `Too many requests; try again in ${seconds} s.`,
});
const TOO_LARGE = {
  type: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
  title: 'Content Too Large',
  status: 413,
  detail: 'The request body is larger than the limit of 1024 bytes.',
};
const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
/** `{"id":"xxx..."}` of exactly `size` bytes. */
const bodyOf = (size: number): string => JSON.stringify({ id: 'x'.repeat(size - 9) });

describe('limits and CORS on the local gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      FLOWLINE_GATEWAY_RATE_LIMIT: '3/1s',
      FLOWLINE_GATEWAY_MAX_BODY_BYTES: '1024',
      FLOWLINE_GATEWAY_CORS_ORIGINS: `${ALLOWED}, https://admin.contoso.com`,
      FLOWLINE_GATEWAY_REQUIRED_CLAIMS: 'sub',
    });
  });
  afterAll(() => h.stop());

  // Requests refused before a token is accepted share one bucket (the client address, 3 per second):
  // the tests that make them are spread so that no second holds more than three.
  it('counts refused requests against the client address: 429 after three, served again after Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.call('/api/anything')).status);
    const limited = await h.call('/api/anything');
    expect([...statuses, limited.status]).toEqual([401, 401, 401, 429]);
    await pause(Number(limited.headers.get('retry-after')) * 1000);
    expect((await h.call('/api/anything')).status).toBe(401);
  });

  it('refuses a token without a claim named in FLOWLINE_GATEWAY_REQUIRED_CLAIMS', async () => {
    const response = await h.call(invokePath('open'), {
      token: await h.token({ sub: undefined }),
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toStrictEqual(PROBLEM.invalidToken);
  });

  it("limits each caller by the token's subject: 429 with Retry-After, others unaffected, then recovery", async () => {
    const burst = await h.token({ sub: 'burst' });
    for (let i = 0; i < 3; i++)
      expect((await h.call('/api/no-such-function', { token: burst })).status).toBe(404);
    const limited = await h.call('/api/no-such-function', { token: burst });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toStrictEqual(tooMany(1));
    const other = await h.call('/api/no-such-function', { token: await h.token({ sub: 'other' }) });
    expect(other.status).toBe(404);
    await pause(1000);
    expect((await h.call('/api/no-such-function', { token: burst })).status).toBe(404);
  });

  it('lets a body of exactly the limit reach the workflow', async () => {
    const body = bodyOf(1024);
    expect(Buffer.byteLength(body)).toBe(1024);
    const response = await h.call(invokePath('open'), { token: await h.token({ sub: 'exact' }), body });
    expect(response.status).toBe(200);
    expect(await response.json()).toStrictEqual({ workflow: 'open', id: 'x'.repeat(1015) });
  });

  it.each([
    ['declared by Content-Length', bodyOf(1025)],
    ['sent in chunks without a length', new Blob([bodyOf(700), bodyOf(700)]).stream()],
  ])('answers 413 with a problem for a body over the limit %s', async (_how, body) => {
    const before = h.invocations();
    const response = await fetch(`${h.origin}${invokePath('open')}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await h.token({ sub: 'large' })}`,
        'content-type': 'application/json',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toStrictEqual(TOO_LARGE);
    expect(h.invocations()).toBe(before);
  });

  it('refuses an oversized body without a token with 401, before reading it', async () => {
    const response = await h.call(invokePath('open'), { body: bodyOf(4096) });
    expect(response.status).toBe(401);
    expect(await response.json()).toStrictEqual(PROBLEM.missingToken);
  });

  it.each([
    [ALLOWED, 204, ALLOWED],
    ['https://ADMIN.contoso.com/', 204, 'https://ADMIN.contoso.com/'],
    ['https://evil.example', 403, null],
    ['null', 403, null],
  ])('answers a preflight from %s with %i', async (origin, status, allowOrigin) => {
    const response = await fetch(`${h.origin}${invokePath('orders')}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowOrigin);
    if (status === 403) expect(await response.json()).toStrictEqual(PROBLEM.originNotAllowed);
    else expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });

  it.each([
    [ALLOWED, 'with a token', 200, ALLOWED],
    [ALLOWED, 'without a token', 401, ALLOWED],
    ['https://evil.example', 'with a token', 200, null],
  ])(
    'answers a call from %s %s with %i and Access-Control-Allow-Origin %s',
    async (origin, how, status, allow) => {
      const token = how === 'with a token' ? await h.token({ sub: `cors-${status}` }) : undefined;
      const response = await h.call(invokePath('open'), {
        body: '{"id":"D-4"}',
        headers: { origin },
        ...(token === undefined ? {} : { token }),
      });
      expect(response.status).toBe(status);
      expect(response.headers.get('access-control-allow-origin')).toBe(allow);
    },
  );
});
