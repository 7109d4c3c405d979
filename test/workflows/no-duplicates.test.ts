/**
 * The frontier scheduler against the two traps of the real Durable stack (see
 * src/functions/durable/port.ts): no action is scheduled twice (durable-js #574), and the extension's
 * in-order walk of the action list never holds back a branch that is ready to go on.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, type Flowline, startBackend, startFlowline } from './helpers';

describe('parallel branches and a concurrent Foreach on the Durable emulation', () => {
  let backend: Backend;
  let flowline: Flowline;

  beforeAll(async () => {
    backend = await startBackend((call) => {
      const url = new URL(call.path, 'http://x');
      return { body: { path: url.pathname }, delayMs: Number(url.searchParams.get('delay') ?? 0) };
    });
    flowline = await startFlowline({
      FANOUT_URL: backend.url,
      FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../fixtures/workflows'),
    });
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  it('calls every backend exactly once per action and iteration, with a distinct idempotency key each', async () => {
    const before = backend.calls.length;
    const response = await flowline.invoke('fan-out', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ a: { path: '/a2' }, b: { path: '/b3' } });
    const calls = backend.calls.slice(before);
    const paths = calls.map((c) => new URL(c.path, 'http://x').pathname).sort();
    expect(paths).toEqual(
      ['/a1', '/a2', '/b1', '/b2', '/b3', ...Array.from({ length: 12 }, (_, i) => `/items/${i}`)].sort(),
    );
    const keys = calls.filter((c) => c.method === 'PUT').map((c) => c.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(12);
    expect(flowline.problems.filter((p) => p.includes('#574'))).toEqual([]);
  });

  it('lets the fast branch finish all its steps while the slow branch still waits', async () => {
    const before = backend.calls.length;
    await flowline.invoke('fan-out', {});
    const calls = backend.calls.slice(before);
    const at = (path: string): number => calls.find((c) => c.path.startsWith(path))?.at ?? NaN;
    expect(at('/b3')).toBeLessThan(at('/a2'));
    expect(at('/a1')).toBeLessThan(at('/b2'));
  });

  it('starts the next Foreach iteration as soon as one of the four running ones finishes', async () => {
    const before = backend.calls.length;
    await flowline.invoke('fan-out', {});
    const puts = backend.calls.slice(before).filter((c) => c.method === 'PUT');
    // Items 0, 4 and 8 answer at once; items 3, 7 and 11 take 90 ms. With four slots, item 4 must
    // start long before item 3 (started in the first wave) answers.
    const start = (i: number): number => puts.find((c) => c.path.startsWith(`/items/${i}?`))?.at ?? NaN;
    expect(start(4) - start(0)).toBeLessThan(60);
  });
});
