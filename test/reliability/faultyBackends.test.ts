/**
 * Faulty backends: 500 storms, 429 with Retry-After, hangs, resets mid-answer and answers that are
 * not HTTP, all at once against one host. Each case checks the attempts the backend saw (the retry
 * policy), the waits between them, the action's end status, that the runAfter Failed/TimedOut path
 * ran, and that the host kept answering quickly through it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountingBackend, type Hit, startCountingBackend } from './support/backend';
import { awaitAll } from './support/caller';
import { faultyBackend } from './support/faults';
import { freePort, healthy, type HostProcess, killAllHosts, sleep, startHost } from './support/hostProcess';
import { findAction, type RunView, startRun } from './support/runs';
import { CASES, caseWorkflow, type Case } from './support/faultCases';
import { post, scratch } from './support/workflows';

const ping = {
  actions: {
    Ping: post('/ok', { ping: true }),
    Reply: {
      type: 'Response',
      inputs: { statusCode: 200, body: "@body('Ping')" },
      runAfter: { Ping: ['Succeeded'] },
    },
  },
};

const files = scratch('faults', { ...Object.fromEntries(CASES.map((c) => [c.name, caseWorkflow(c)])), ping });
let backend: CountingBackend;
let host: HostProcess;
const views = new Map<string, RunView[]>();
const healthLatencies: number[] = [];

beforeAll(async () => {
  backend = await startCountingBackend(faultyBackend);
  host = await startHost({
    port: await freePort(),
    store: files.store,
    workflows: files.workflows,
    env: { BACKEND_URL: backend.url },
  });
  const started = await Promise.all(
    CASES.map(async (c) => ({
      c,
      runs: await Promise.all(Array.from({ length: c.runs }, () => startRun(host.origin, c.name, {}))),
    })),
  );
  // Probe the health route while the storms rage.
  let finished = false;
  const probe = (async () => {
    while (!finished) {
      const t = Date.now();
      expect(await healthy(host.origin, 5000)).toBe(true);
      healthLatencies.push(Date.now() - t);
      await sleep(250);
    }
  })();
  const all = await awaitAll(
    started.flatMap((s) => s.runs.map((r) => r.location)),
    60_000,
  );
  finished = true;
  await probe;
  for (const { c, runs } of started)
    views.set(
      c.name,
      runs.map((r) => all.get(r.location) as RunView),
    );
}, 90_000);

afterAll(async () => {
  killAllHosts();
  await backend.close();
  files.remove();
});

/** The calls of one case's Call action, grouped per run (per idempotency key), in arrival order. */
function attemptsPerRun(c: Case): Hit[][] {
  const byKey = new Map<string, Hit[]>();
  for (const hit of backend.hitsTo(c.path)) {
    if ((hit.body as { case?: string } | null)?.case !== c.name) continue;
    const list = byKey.get(hit.key ?? '') ?? [];
    list.push(hit);
    byKey.set(hit.key ?? '', list);
  }
  return [...byKey.values()];
}

describe('an Http action against a faulty backend', () => {
  it.each(CASES)(
    '$name: the action ends $status after $attempts attempt(s); the failure path runs only when it failed',
    (c) => {
      const runs = views.get(c.name) ?? [];
      expect(runs).toHaveLength(c.runs);
      for (const view of runs) {
        const call = findAction(view.actions, 'Call');
        const handler = findAction(view.actions, 'Handle_failure');
        expect(call?.status, `${view.id}: ${JSON.stringify(call)}`).toBe(c.status);
        if (c.code !== undefined) expect(call?.code).toBe(c.code);
        expect(call?.retryHistory ?? []).toHaveLength(c.attempts - 1);
        expect(handler?.status).toBe(c.status === 'Succeeded' ? 'Skipped' : 'Succeeded');
        if (c.durationMs !== undefined) {
          const took = Date.parse(call?.endTime ?? '') - Date.parse(call?.startTime ?? '');
          expect(took).toBeGreaterThanOrEqual(c.durationMs[0]);
          expect(took).toBeLessThanOrEqual(c.durationMs[1]);
          console.log(`${c.name}: the action took ${took} ms`);
        }
        if (c.body !== undefined) expect(call?.outputs?.body).toEqual(c.body);
      }
      const perRun = attemptsPerRun(c);
      expect(perRun.map((hits) => hits.length)).toEqual(Array.from({ length: c.runs }, () => c.attempts));
      const handled = backend.hitsTo('/handled').filter((h) => (h.body as { case?: string }).case === c.name);
      expect(handled).toHaveLength(c.status === 'Succeeded' ? 0 : c.runs);
      if (c.gapMs === undefined) return;
      const [low, high] = c.gapMs;
      const gaps = perRun.flatMap((hits) => hits.slice(1).map((hit, i) => hit.at - (hits[i]?.at ?? 0)));
      for (const gap of gaps) {
        expect(gap, 'wait between two attempts').toBeGreaterThanOrEqual(low);
        expect(gap, 'wait between two attempts').toBeLessThanOrEqual(high);
      }
      console.log(`${c.name}: waits between attempts ${Math.min(...gaps)}-${Math.max(...gaps)} ms`);
    },
  );
});

describe('the host under backend faults', () => {
  it('answered its health route within a second all through the storms', () => {
    expect(healthLatencies.length).toBeGreaterThan(10);
    console.log(
      `health route during the storms: ${healthLatencies.length} probes, slowest ${Math.max(...healthLatencies)} ms`,
    );
    expect(Math.max(...healthLatencies)).toBeLessThan(1000);
  });

  it('answers a fresh run with an Http call and a Response within two seconds after the storms', async () => {
    const t = Date.now();
    const response = await fetch(`${host.origin}/api/workflows/ping/triggers/manual/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const elapsed = Date.now() - t;
    console.log(`fresh run after the storms answered in ${elapsed} ms`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: '/ok' });
    expect(elapsed).toBeLessThan(2000);
  });
});
