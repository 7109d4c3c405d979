/** The asynchronous pattern: a 202 with Location is polled with GET until it stops answering 202. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeHttp, type HttpCallInput, type HttpOutcome } from '../../../src/connectors/http/index';
import type { HttpConnectorOptions } from '../../../src/connectors/http/index';
import { type Backend, DEFAULT_EGRESS, reply, startBackend } from './servers';

let backend: Backend;
let jobs = 0;

beforeAll(async () => {
  backend = await startBackend();
  backend.on('/no-location', (_req, res) => reply(res, 202, { queued: true }));
  backend.on('/ops/start', (_req, res) =>
    reply(res, 202, '', { location: '/ops/1/status', 'retry-after': '0' }),
  );
  backend.on('/ops/1/status', (_req, res) => reply(res, 202, '', { location: 'check', 'retry-after': '0' }));
  backend.on('/ops/1/check', (_req, res) => reply(res, 200, { relative: 'resolved' }));
});
afterAll(() => backend.close());

/** A job on fresh paths: POST answers 202; the status URL answers 202 `pending` times, then `final`. */
function job(pending: number, final: { status: number; body: unknown }, retryAfter?: string): string {
  const id = ++jobs;
  const extra: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': retryAfter };
  backend.on(`/jobs/${id}`, (_req, res) =>
    reply(res, 202, { accepted: id }, { location: `/jobs/${id}/status`, ...extra }),
  );
  let polls = 0;
  backend.on(`/jobs/${id}/status`, (_req, res) => {
    if (++polls <= pending) reply(res, 202, { running: true }, { location: `/jobs/${id}/status`, ...extra });
    else reply(res, final.status, final.body, { 'x-final': 'yes' });
  });
  return `/jobs/${id}`;
}

const start = (
  path: string,
  extra: Partial<HttpCallInput> = {},
  options: HttpConnectorOptions = {},
): Promise<HttpOutcome> =>
  executeHttp(
    { method: 'POST', uri: `${backend.origin}${path}`, body: { order: 7 }, ...extra },
    { egress: DEFAULT_EGRESS, ...options },
  );

describe('asynchronous pattern', () => {
  it('polls the Location with GET until the operation answers 200, and returns that answer', async () => {
    const path = job(2, { status: 200, body: { done: true } }, '0');
    const outcome = await start(path, {
      headers: { 'x-tenant': 't1' },
      authentication: { type: 'Raw', value: 'Token poll' },
    });
    expect(outcome).toMatchObject({ ok: true, outputs: { statusCode: 200, body: { done: true } } });
    expect(outcome.ok && outcome.outputs.headers['x-final']).toBe('yes');
    const [first, ...polls] = backend.requests.filter((r) => r.url.startsWith(path));
    expect(first?.method).toBe('POST');
    expect(polls.map((r) => `${r.method} ${r.url}`)).toEqual(Array<string>(3).fill(`GET ${path}/status`));
    for (const poll of polls) {
      expect(poll.body.length).toBe(0);
      expect(poll.headers['content-type']).toBeUndefined();
      expect(poll.headers).toMatchObject({ 'x-tenant': 't1', authorization: 'Token poll' });
    }
  });

  it('waits asyncPollIntervalMs between polls when the server gives no Retry-After', async () => {
    const path = job(2, { status: 200, body: { done: true } });
    const started = Date.now();
    expect(await start(path, {}, { asyncPollIntervalMs: 100 })).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('prefers the Retry-After of the 202 over asyncPollIntervalMs', async () => {
    const path = job(0, { status: 200, body: { done: true } }, '1');
    const started = Date.now();
    expect(await start(path, {}, { asyncPollIntervalMs: 0 })).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('returns the 202 as is, without polling, when DisableAsyncPattern is set', async () => {
    const path = job(0, { status: 200, body: { done: true } }, '0');
    const outcome = await start(path, { disableAsyncPattern: true });
    expect(outcome).toMatchObject({
      ok: true,
      outputs: { statusCode: 202, body: { accepted: jobs }, headers: { location: `${path}/status` } },
    });
    expect(backend.requestsTo(`${path}/status`)).toHaveLength(0);
  });

  it('returns a 202 without Location as is', async () => {
    const outcome = await start('/no-location');
    expect(outcome).toMatchObject({ ok: true, outputs: { statusCode: 202, body: { queued: true } } });
  });

  it.each([
    [500, true, 'InternalServerError'],
    [404, false, 'NotFound'],
  ])('classifies a final %i from the status URL like any answer', async (status, retryable, code) => {
    const path = job(1, { status, body: { failed: true } }, '0');
    expect(await start(path)).toMatchObject({
      ok: false,
      retryable,
      outputs: { statusCode: status, body: { failed: true } },
      error: { code },
    });
  });

  it('resolves a relative Location against the status URL that answered', async () => {
    const outcome = await start('/ops/start');
    expect(outcome).toMatchObject({ ok: true, outputs: { statusCode: 200, body: { relative: 'resolved' } } });
  });

  it('gives up with a terminal AsyncOperationTimedOut once asyncMaxWaitMs would be exceeded', async () => {
    const path = job(1_000, { status: 200, body: {} });
    const started = Date.now();
    const outcome = await start(path, {}, { asyncPollIntervalMs: 20, asyncMaxWaitMs: 150 });
    expect(outcome).toEqual({
      ok: false,
      retryable: false,
      error: {
        code: 'AsyncOperationTimedOut',
        message: `The asynchronous operation at ${backend.origin}${path}/status did not finish in time.`,
      },
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(backend.requestsTo(`${path}/status`).length).toBeGreaterThan(1);
  });

  it('does not sleep through a Retry-After longer than asyncMaxWaitMs', async () => {
    const path = job(0, { status: 200, body: {} }, '3600');
    const started = Date.now();
    expect(await start(path, {}, { asyncMaxWaitMs: 5_000 })).toMatchObject({
      ok: false,
      error: { code: 'AsyncOperationTimedOut' },
    });
    expect(Date.now() - started).toBeLessThan(500);
    expect(backend.requestsTo(`${path}/status`)).toHaveLength(0);
  });
});
