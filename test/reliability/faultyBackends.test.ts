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
import { post, scratch } from './support/workflows';

interface Case {
  readonly name: string;
  readonly path: string;
  readonly runs: number;
  readonly retryPolicy: object;
  /** The Http connector's own per-attempt timeout (`inputs.timeoutMs`). */
  readonly timeoutMs?: number;
  /** The action's `limit.timeout`. */
  readonly limit?: string;
  readonly status: 'Succeeded' | 'Failed' | 'TimedOut';
  readonly code?: string;
  readonly attempts: number;
  /** Smallest and largest wait between two attempts, in ms. */
  readonly gapMs?: readonly [number, number];
  readonly body?: unknown;
  /** Bounds of the action's duration (start to end), in ms. */
  readonly durationMs?: readonly [number, number];
}

const fixed = (count: number): object => ({ type: 'fixed', count, interval: 'PT5S' });
const none = { type: 'none' };

const CASES: readonly Case[] = [
  {
    name: 'storm-fixed',
    path: '/storm',
    runs: 10,
    retryPolicy: fixed(2),
    status: 'Failed',
    code: 'InternalServerError',
    attempts: 3,
    gapMs: [5000, 7500],
  },
  {
    name: 'storm-exponential',
    path: '/storm',
    runs: 10,
    retryPolicy: {
      type: 'exponential',
      count: 2,
      interval: 'PT5S',
      minimumInterval: 'PT5S',
      maximumInterval: 'PT10S',
    },
    status: 'Failed',
    code: 'InternalServerError',
    attempts: 3,
    gapMs: [5000, 12_500],
  },
  {
    name: 'storm-none',
    path: '/storm',
    runs: 10,
    retryPolicy: none,
    status: 'Failed',
    code: 'InternalServerError',
    attempts: 1,
  },
  {
    name: 'flaky-recovers',
    path: '/flaky',
    runs: 5,
    retryPolicy: fixed(3),
    status: 'Succeeded',
    attempts: 3,
    gapMs: [5000, 7500],
  },
  {
    name: 'throttled',
    path: '/throttle',
    runs: 5,
    retryPolicy: fixed(2),
    status: 'Succeeded',
    attempts: 2,
    gapMs: [7000, 9500],
  },
  {
    name: 'hang-limit',
    path: '/hang',
    runs: 3,
    retryPolicy: none,
    timeoutMs: 4000,
    limit: 'PT2S',
    status: 'TimedOut',
    code: 'ActionTimedOut',
    attempts: 1,
    durationMs: [2000, 4500],
  },
  {
    name: 'hang-connector',
    path: '/hang',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 1500,
    status: 'Failed',
    code: 'RequestTimeout',
    attempts: 2,
    gapMs: [6500, 9000],
  },
  {
    name: 'reset',
    path: '/reset',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'garbage',
    path: '/garbage',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'truncated',
    path: '/truncated',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'overlong-body',
    path: '/long-body',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'not-json',
    path: '/not-json',
    runs: 3,
    retryPolicy: none,
    status: 'Succeeded',
    attempts: 1,
    body: '<html>not json</html>',
  },
];

function caseWorkflow(c: Case): object {
  const inputs = {
    retryPolicy: c.retryPolicy,
    ...(c.timeoutMs === undefined ? {} : { timeoutMs: c.timeoutMs }),
  };
  const call = post(c.path, { case: c.name }, c.limit === undefined ? {} : { limit: { timeout: c.limit } });
  const withPolicy = { ...call, inputs: { ...(call as { inputs: object }).inputs, ...inputs } };
  return {
    actions: {
      Call: withPolicy,
      Handle_failure: post('/handled', { case: c.name }, { runAfter: { Call: ['Failed', 'TimedOut'] } }),
    },
  };
}

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
