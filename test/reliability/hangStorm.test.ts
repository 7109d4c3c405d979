/**
 * A hang storm larger than the activity pool: more backend calls that never answer than
 * maxConcurrentActivityFunctions. `limit.timeout` ends the actions TimedOut on time, but an activity
 * cannot be cancelled, so the hung calls hold every slot until the Http connector's own timeout;
 * meanwhile the health route answers and a fresh run waits. This measures that limit.
 */
import { afterAll, expect, test } from 'vitest';
import { type CountingBackend, startCountingBackend } from './support/backend';
import { awaitAll } from './support/caller';
import { freePort, healthy, killAllHosts, startHost } from './support/hostProcess';
import { startRun } from './support/runs';
import { post, scratch } from './support/workflows';

const HUNG = 25;
const CONNECTOR_TIMEOUT_MS = 4000;
const files = scratch('hangstorm', {
  hang: {
    actions: {
      Call: {
        ...post('/hang', {}, { limit: { timeout: 'PT1S' } }),
        inputs: {
          method: 'POST',
          uri: "@{appsetting('BACKEND_URL')}/hang",
          retryPolicy: { type: 'none' },
          timeoutMs: CONNECTOR_TIMEOUT_MS,
        },
      },
    },
  },
  ping: {
    actions: {
      Ping: post('/ok', {}),
      Reply: { type: 'Response', inputs: { statusCode: 200 }, runAfter: { Ping: ['Succeeded'] } },
    },
  },
});
let backend: CountingBackend | undefined;

afterAll(async () => {
  killAllHosts();
  await backend?.close();
  files.remove();
});

test('hung calls beyond the activity pool end TimedOut on time, keep the host answering, and delay other runs until the connector timeout', async () => {
  backend = await startCountingBackend((hit) =>
    hit.path === '/hang' ? { kind: 'hang' } : { kind: 'answer', status: 200, body: {} },
  );
  const host = await startHost({
    port: await freePort(),
    store: files.store,
    workflows: files.workflows,
    env: { BACKEND_URL: backend.url },
  });
  const hung = await Promise.all(Array.from({ length: HUNG }, () => startRun(host.origin, 'hang', {})));
  while (backend.hitsTo('/hang').length < 20) await new Promise((done) => setTimeout(done, 20));
  const started = Date.now();
  const health = Date.now();
  expect(await healthy(host.origin, 1000)).toBe(true);
  const healthMs = Date.now() - health;
  const ping = await fetch(`${host.origin}/api/workflows/ping/triggers/manual/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const pingMs = Date.now() - started;
  expect(ping.status).toBe(200);
  const views = await awaitAll(
    hung.map((r) => r.location),
    30_000,
  );
  for (const view of views.values()) {
    const call = view.actions[0];
    expect(call?.status).toBe('TimedOut');
    expect(Date.parse(call?.endTime ?? '') - Date.parse(call?.startTime ?? '')).toBeLessThan(2500);
  }
  // The fresh run's Http call needed a slot: it got one only when the first hung calls timed out.
  expect(pingMs).toBeGreaterThan(CONNECTOR_TIMEOUT_MS / 2);
  expect(pingMs).toBeLessThan(CONNECTOR_TIMEOUT_MS + 3000);
  console.log(
    `${HUNG} hung calls, 20 activity slots, connector timeout ${CONNECTOR_TIMEOUT_MS} ms: health ${healthMs} ms, ` +
      `a fresh run with one Http call answered in ${pingMs} ms; all ${HUNG} actions TimedOut`,
  );
}, 60_000);
