/**
 * Trigger concurrency: `runtimeConfiguration.concurrency.runs` lets that many runs work at once, the
 * next ones wait in order up to `maximumWaitingRuns`, and a call beyond that gets 429.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, eventually, type Flowline, startBackend, startFlowline } from '../workflows/helpers';

describe('trigger concurrency', () => {
  let backend: Backend;
  let flowline: Flowline;
  /** Backend calls held until the test lets them answer. */
  const held: (() => void)[] = [];

  beforeAll(async () => {
    backend = await startBackend(
      () => new Promise((done) => held.push(() => done({ status: 200, body: { ok: true } }))),
    );
    flowline = await startFlowline({
      FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../fixtures/workflows'),
      SLOW_URL: backend.url,
    });
  });
  afterAll(async () => {
    for (const release of held) release();
    await flowline.stop();
    await backend.close();
  });

  it('runs one at a time, queues the next and answers 429 when the queue is full', async () => {
    const first = flowline.invoke('one-at-a-time', { name: 'first' });
    await eventually(() => backend.calls[0]);
    const second = flowline.invoke('one-at-a-time', { name: 'second' });
    // The second run is queued: give it time to (wrongly) call the backend before the third arrives.
    await new Promise((done) => setTimeout(done, 300));
    expect(backend.calls).toHaveLength(1);

    const third = await flowline.invoke('one-at-a-time', { name: 'third' });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('10');
    expect(await third.json()).toMatchObject({ title: 'Too many waiting runs', status: 429 });

    const releasedAt = Date.now();
    held.shift()?.();
    expect(await (await first).json()).toEqual({ done: 'first' });
    // The queued run is woken by the releasing run, well before its 15 s fallback.
    await eventually(() => backend.calls[1]);
    expect(Date.now() - releasedAt).toBeLessThan(5_000);
    expect(backend.calls.map((call) => call.body)).toEqual([{ name: 'first' }, { name: 'second' }]);
    held.shift()?.();
    expect(await (await second).json()).toEqual({ done: 'second' });
    expect(backend.maxInFlight()).toBe(1);
  });

  it('frees the slot of a cancelled run for the next call', async () => {
    const blocked = flowline.invoke('one-at-a-time', { name: 'cancel-me' });
    const call = await eventually(() => backend.calls[2]);
    expect(call.body).toEqual({ name: 'cancel-me' });
    const runs = (await (
      await fetch(`${flowline.origin}/api/workflows/one-at-a-time/runs?status=Running`)
    ).json()) as {
      value: { id: string }[];
    };
    const runId = runs.value[0]?.id ?? '';
    expect(
      (await fetch(`${flowline.origin}/api/workflows/one-at-a-time/runs/${runId}/cancel`, { method: 'POST' }))
        .status,
    ).toBe(202);
    expect((await blocked).status).toBe(502);

    const next = flowline.invoke('one-at-a-time', { name: 'after-cancel' });
    await eventually(() => backend.calls[3]);
    held.splice(0).forEach((release) => release());
    expect(await (await next).json()).toEqual({ done: 'after-cancel' });
  });
});
