/**
 * The store file locked by another process (better-sqlite3 in a child process holding BEGIN
 * EXCLUSIVE). Runs in flight pause while the lock is held, new runs are refused at once with a clear
 * error, the host keeps answering, and everything finishes once the lock is released, with no
 * corruption and no repeated side effect.
 */
import { afterAll, expect, test } from 'vitest';
import { type CountingBackend, startCountingBackend } from './support/backend';
import { awaitAll } from './support/caller';
import { freePort, healthy, kill, killAllHosts, sleep, spawnHost, startHost } from './support/hostProcess';
import { holdExclusiveLock } from './support/locker';
import { ACTIONS_PER_RUN, expectedOutputs, orderBackend, orderWorkflow } from './support/orderWorkflow';
import { readRun, startRun } from './support/runs';
import { countDuplicates } from './support/sideEffects';
import { readStore } from './support/store';
import { post, scratch } from './support/workflows';

/** A durable timer that falls due while the store is locked. */
const pause = {
  actions: {
    Pause: { type: 'Wait', inputs: { interval: { count: 1, unit: 'Second' } } },
    Resume: post('/resume', { resumed: true }, { runAfter: { Pause: ['Succeeded'] } }),
  },
  outputs: { resumed: { type: 'Object', value: "@body('Resume')" } },
};
const files = scratch('lock', { order: orderWorkflow, pause });
let backend: CountingBackend | undefined;

/** One order backend for the file (its counts are checked only by the first test). */
async function orderServer(): Promise<CountingBackend> {
  backend ??= await startCountingBackend((hit) => orderBackend(hit, 200));
  return backend;
}

afterAll(async () => {
  killAllHosts();
  await backend?.close();
  files.remove();
});

test('runs and timers in flight wait out a lock held by another process and finish once it is released', async () => {
  backend = await orderServer();
  const options = {
    port: await freePort(),
    store: files.store,
    workflows: files.workflows,
    env: { BACKEND_URL: backend.url },
  };
  const host = await startHost(options);
  const runs = await Promise.all(
    Array.from({ length: 20 }, (_, i) => startRun(host.origin, 'order', { order: i })),
  );
  const paused = await Promise.all(Array.from({ length: 3 }, () => startRun(host.origin, 'pause', {})));
  await sleep(300);
  const lock = await holdExclusiveLock(files.store);
  const lockedAt = Date.now();
  await sleep(1500);

  // While locked: the host answers, reads work, runs stay Running, a new run is refused quickly.
  const t = Date.now();
  expect(await healthy(host.origin, 1000)).toBe(true);
  const healthMs = Date.now() - t;
  const statuses = await Promise.all(runs.map(async (r) => (await readRun(r.location))?.status));
  expect(statuses.filter((status) => status === 'Running').length).toBeGreaterThan(0);
  const t2 = Date.now();
  const refused = await fetch(`${host.origin}/api/workflows/order/triggers/manual/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"order": 99}',
  });
  const refusedMs = Date.now() - t2;
  expect(refused.status).toBe(503);
  expect(refused.headers.get('retry-after')).toBe('5');
  expect(await refused.json()).toMatchObject({
    title: 'Runs cannot start now',
    detail: expect.stringContaining('the store file is locked by another process (SQLITE_BUSY)') as string,
  });
  expect(refusedMs).toBeLessThan(2000);
  expect(host.output()).toContain(
    'The durable store is unavailable: the store file is locked by another process (SQLITE_BUSY)',
  );
  const callsWhileLocked = backend.hits.length;
  await sleep(1500);
  await lock.release();
  const lockedMs = Date.now() - lockedAt;

  const views = await awaitAll(
    runs.map((r) => r.location),
    30_000,
  );
  runs.forEach((r, i) => {
    expect(views.get(r.location)?.status, r.runId).toBe('Succeeded');
    expect(views.get(r.location)?.outputs).toEqual(expectedOutputs(i));
  });
  // The timers fell due while the store was locked; they fired once it was free.
  const pausedViews = await awaitAll(
    paused.map((r) => r.location),
    30_000,
  );
  for (const view of pausedViews.values()) {
    expect(view.status).toBe('Succeeded');
    expect(view.outputs).toEqual({ resumed: { step: 'resume', order: null, line: null } });
  }
  expect(host.output()).toMatch(/The durable store is available again after \d+ ms \(SQLITE_BUSY\)/);
  await kill(host, 'SIGTERM');
  const snapshot = readStore(files.store);
  expect(snapshot.integrity).toBe('ok');
  expect(snapshot.runs.size).toBe(20 + 3);
  const stats = countDuplicates(backend.perKey);
  expect(stats.actions).toBe(20 * ACTIONS_PER_RUN + 3);
  expect(stats.duplicates).toBe(0);
  console.log(
    `lock held ${lockedMs} ms: health answered in ${healthMs} ms, a new run was refused in ${refusedMs} ms, ` +
      `${callsWhileLocked} backend calls before/while locked, 20/20 runs and 3/3 timer runs Succeeded after release, 0 duplicates`,
  );
}, 60_000);

test('a host refuses to start on a new store another process holds, says why, and starts once it is free', async () => {
  const store = `${files.dir}/fresh.db`;
  // A new file in rollback-journal mode: the exclusive lock keeps even readers out.
  const lock = await holdExclusiveLock(store);
  const options = {
    port: await freePort(),
    store,
    workflows: files.workflows,
    env: { BACKEND_URL: 'http://127.0.0.1:9' },
  };
  const refused = spawnHost(options);
  const exit = await refused.exited;
  expect(exit.code).toBe(1);
  expect(refused.output()).toContain(
    `flowline start: The durable store ${store} cannot be opened: the store file is locked by another process (SQLITE_BUSY). Free it and start again.`,
  );
  await lock.release();
  const host = await startHost(options);
  expect(await healthy(host.origin, 1000)).toBe(true);
  await kill(host, 'SIGTERM');
  expect(readStore(store).integrity).toBe('ok');
}, 60_000);

test('a host started while another process holds an existing store starts, refuses new runs, and accepts them once the lock is released', async () => {
  const options = {
    port: await freePort(),
    store: `${files.dir}/existing.db`,
    workflows: files.workflows,
    env: { BACKEND_URL: (await orderServer()).url },
  };
  // A store a host has opened before is in WAL mode: readers are not locked out, so the host can start.
  await kill(await startHost(options), 'SIGTERM');
  const lock = await holdExclusiveLock(options.store);
  const host = await startHost(options);
  const refused = await fetch(`${host.origin}/api/workflows/order/triggers/manual/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"order": 7}',
  });
  expect(refused.status).toBe(503);
  expect(host.output()).toContain('the store file is locked by another process (SQLITE_BUSY)');
  await lock.release();
  let accepted: Awaited<ReturnType<typeof startRun>> | undefined;
  for (let i = 0; i < 50 && accepted === undefined; i++) {
    accepted = await startRun(host.origin, 'order', { order: 7 }).catch(() => undefined);
    if (accepted === undefined) await sleep(100);
  }
  const views = await awaitAll([accepted?.location ?? ''], 30_000);
  expect(views.get(accepted?.location ?? '')?.outputs).toEqual(expectedOutputs(7));
  await kill(host, 'SIGTERM');
  expect(readStore(options.store).integrity).toBe('ok');
}, 60_000);
