/**
 * A secure parameter's value never reaches a caller: the caller steers the Http action (method,
 * path, header), the backend fails in every way it can and echoes what it received, an expression
 * fails on the secret, and the host API is probed with junk. No HTTP response body, run view, error
 * message or log line holds the secret, plain, base64 or percent-encoded.
 *
 * Not covered: a backend that transforms the secret before echoing it (say, base64 of the whole
 * Authorization header) defeats masking, which can only look for the value in the forms it knows.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Backend } from '../workflows/helpers';
import { startLeakyBackend } from './support/leaky-backend';
import { post, startHostileHost, type HostileHost } from './support/host';
import { bounded } from './support/property';
import { SECRET_PARAMETERS, SECRET_WORKFLOW } from './support/secret-workflow';

const SECRET = 's3cr3t-9f27c4d1-hostile';
const FORMS = [
  SECRET,
  Buffer.from(SECRET).toString('base64'),
  Buffer.from(SECRET).toString('base64url'),
  Buffer.from(`Bearer ${SECRET}`).toString('base64'),
  encodeURIComponent(`Bearer ${SECRET}`),
];

let backend: Backend;
let host: HostileHost;
let origin: string;

beforeAll(async () => {
  backend = await startLeakyBackend();
  host = await startHostileHost(
    { HOSTILE_SECRET: SECRET, BACKEND_URL: backend.url },
    { 'vault-echo.json': SECRET_WORKFLOW, 'parameters.json': SECRET_PARAMETERS },
  );
  origin = host.flowline.origin;
});
afterAll(async () => {
  await host.stop();
  await backend.close();
});

function leaks(where: string, text: string): string[] {
  return FORMS.filter((form) => text.includes(form)).map((form) => `${where} holds ${form}`);
}

/** Invokes the workflow, then reads its run view; returns every leak found. */
async function probe(body: unknown): Promise<string[]> {
  const response = await post(origin, 'vault-echo', JSON.stringify(body), {
    'content-type': 'application/json',
  });
  const answer = await response.text();
  const found = leaks(`answer ${response.status}`, answer);
  const runId = response.headers.get('x-flowline-run-id');
  if (runId !== null) {
    const view = await host.flowline.waitForRun('vault-echo', runId);
    found.push(...leaks('run view', JSON.stringify(view)));
    const history = await fetch(`${origin}/api/workflows/vault-echo/runs/${runId}/history`);
    found.push(...leaks('history', await history.text()));
  }
  return found;
}

const PATHS = [
  '/',
  '/500',
  '/401',
  '/redirect',
  '/bad-json',
  '/400',
  '/missing',
  '/%',
  '/../x',
  '?x=1',
  '#frag',
  ':99999',
  '@evil.example',
];
const METHODS = ['POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'BAD METHOD', '', 'G\u00c9T'];

describe('secrets never appear in answers or errors', () => {
  it('the backend receives the real secret (so the runs below do use it)', async () => {
    const before = backend.calls.length;
    expect(await probe({ path: '/', soapPath: '/soap-ok' })).toEqual([]);
    expect(backend.calls[before]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(String(backend.calls[before + 1]?.body)).toContain(`>${SECRET}</`);
  });

  it('caller-steered failures leak the secret nowhere', async () => {
    const body = fc.record(
      {
        path: fc.oneof(fc.constantFrom(...PATHS), fc.string({ maxLength: 20 })),
        method: fc.constantFrom(...METHODS),
        header: fc.oneof(
          fc.constantFrom('a\r\nx-injected: 1', '\u0000', 'é', ''),
          fc.string({ maxLength: 10 }),
        ),
        suffix: fc.oneof(fc.constantFrom('', '1', 'x'), fc.string({ maxLength: 5 })),
        soapPath: fc.constantFrom(
          '/soap-fault',
          '/soap-500',
          '/soap-bad-xml',
          '/soap-ok',
          '/500',
          '/missing',
        ),
        operation: fc.constantFrom('Convert', 'bad name', '', '__proto__'),
        q: fc.oneof(fc.constantFrom(']]>', '<x>', '&amp;', '\u0000'), fc.string({ maxLength: 10 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        expect(await probe(b)).toEqual([]);
      }),
      bounded(40, 20_000),
    );
  });

  it.each([
    ['an invalid method', { method: 'BAD METHOD' }],
    ['a header value with CR LF', { header: 'a\r\nx-injected: 1' }],
  ])('%s fails only the Http action, as InvalidRequest, and leaks nothing', async (_label, body) => {
    const response = await post(origin, 'vault-echo', JSON.stringify(body), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(200); // the workflow's own Reply, after the failed call
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    const view = await host.flowline.waitForRun('vault-echo', runId);
    expect(action(view, 'Call')).toMatchObject({ status: 'Failed', code: 'InvalidRequest' });
    expect(backend.calls.some((c) => c.headers['x-injected'] !== undefined)).toBe(false);
    expect(leaks('run view', JSON.stringify(view))).toEqual([]);
  });

  it.each([
    ['GET', '/api/workflows/vault-echo/runs/not-a-run'],
    ['GET', '/api/workflows/vault-echo/runs?top=-1&status=%00'],
    ['POST', '/api/workflows/vault-echo/runs/not-a-run/cancel'],
    ['POST', '/api/workflows/vault-echo/runs/not-a-run/events/x'],
    ['GET', '/api/workflows/nope'],
    ['GET', '/api/workflows/vault-echo'],
    ['GET', '/api/workflows'],
    ['PUT', '/api/workflows/vault-echo/triggers/manual/invoke'],
    ['GET', '/runtime/webhooks/durabletask/instances?showInput=true'],
  ])('%s %s answers without the secret', async (method, path) => {
    const response = await fetch(`${origin}${path}`, { method, ...(method === 'GET' ? {} : { body: '{' }) });
    expect(response.status).toBeLessThan(500);
    expect(leaks(`${method} ${path}`, await response.text())).toEqual([]);
  });

  it('the host logged no trace of the secret', () => {
    expect(leaks('logs', host.flowline.logs.join('\n'))).toEqual([]);
  });
});
