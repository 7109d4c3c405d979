/**
 * Disk full under the store, two ways: a real small file system (tmpfs, needs root; space returns
 * by deleting a filler file while the host runs) and SQLite's page limit (FLOWLINE_STORE_MAX_PAGE_COUNT,
 * anywhere; space returns by restarting without the limit). Either way the host says SQLITE_FULL
 * plainly, refuses new runs, keeps answering, loses nothing already committed, and finishes every
 * accepted run once there is room again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { type CountingBackend, startCountingBackend } from './support/backend';
import { awaitAll } from './support/caller';
import {
  freePort,
  healthy,
  type HostOptions,
  type HostProcess,
  kill,
  killAllHosts,
  sleep,
  startHost,
} from './support/hostProcess';
import { expectedOutputs, orderBackend, orderWorkflow } from './support/orderWorkflow';
import { type Accepted, readRun, startRun } from './support/runs';
import { mountSmallDisk, type SmallDisk } from './support/smallDisk';
import { readStore } from './support/store';
import { scratch } from './support/workflows';

const FULL_MESSAGE =
  'The durable store is unavailable: the disk holding the store is full (or the store reached its size limit) (SQLITE_FULL)';
const files = scratch('full', { order: orderWorkflow });
const disk: SmallDisk | string = mountSmallDisk(files.dir, 16);
let backend: CountingBackend | undefined;

afterAll(async () => {
  killAllHosts();
  await backend?.close();
  if (typeof disk !== 'string') disk.unmount();
  files.remove();
});

async function slowBackend(): Promise<CountingBackend> {
  backend ??= await startCountingBackend((hit) => orderBackend(hit, 150));
  return backend;
}

function startRuns(host: HostProcess, first: number, count: number): Promise<Accepted[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => startRun(host.origin, 'order', { order: first + i })),
  );
}

/** Runs `count` orders from `first` to the end; all must succeed. */
async function completeRuns(host: HostProcess, first: number, count: number): Promise<Accepted[]> {
  const runs = await startRuns(host, first, count);
  const views = await awaitAll(
    runs.map((r) => r.location),
    30_000,
  );
  runs.forEach((r, i) => expect(views.get(r.location)?.outputs).toEqual(expectedOutputs(first + i)));
  return runs;
}

/** Starts runs until the host refuses one (the store is full); answers the accepted ones. */
async function startUntilRefused(
  host: HostProcess,
  first: number,
  limit: number,
): Promise<{ accepted: Accepted[]; refusedAfter: number }> {
  const accepted: Accepted[] = [];
  for (let i = 0; i < limit; i++) {
    try {
      accepted.push(await startRun(host.origin, 'order', { order: first + i }));
    } catch (error) {
      expect(String(error)).toContain('got 500');
      return { accepted, refusedAfter: i };
    }
  }
  throw new Error(`the store never filled up after ${limit} runs`);
}

/** The full-disk phase both variants share: in-flight runs pause, new runs are refused, the host answers. */
async function whileFull(
  host: HostProcess,
  first: number,
  inFlight: readonly Accepted[],
): Promise<{ accepted: Accepted[]; healthMs: number; waiting: number }> {
  const { accepted } = await startUntilRefused(host, first, 300);
  for (let i = 0; i < 100 && !host.output().includes(FULL_MESSAGE); i++) await sleep(100);
  expect(host.output()).toContain(FULL_MESSAGE);
  const t = Date.now();
  expect(await healthy(host.origin, 1000)).toBe(true);
  const healthMs = Date.now() - t;
  const views = await Promise.all(inFlight.map((r) => readRun(r.location)));
  const waiting = views.filter((v) => v?.status === 'Running').length;
  expect(waiting, 'runs started before the disk filled and still waiting').toBeGreaterThan(0);
  return { accepted, healthMs, waiting };
}

/**
 * After the space returns, a caller that retries is accepted again: the store is probed at the next
 * write after the gate's pause (at most 2 s). Answers how long it took; the run must succeed.
 */
async function acceptedAgainWithin(host: HostProcess, timeoutMs: number): Promise<number> {
  const t = Date.now();
  for (;;) {
    try {
      const run = await startRun(host.origin, 'order', { order: 1000 });
      await expectAllSucceeded([run], 1000);
      return Date.now() - t;
    } catch (error) {
      if (Date.now() - t > timeoutMs) throw error;
      await sleep(200);
    }
  }
}

async function expectAllSucceeded(runs: readonly Accepted[], firstOrder: number): Promise<void> {
  const views = await awaitAll(
    runs.map((r) => r.location),
    60_000,
  );
  runs.forEach((r, i) => {
    expect(views.get(r.location)?.status, r.runId).toBe('Succeeded');
    expect(views.get(r.location)?.outputs).toEqual(expectedOutputs(firstOrder + i));
  });
}

describe('a full disk under the store', () => {
  it.skipIf(typeof disk === 'string')(
    'on a 16 MB tmpfs: SQLITE_FULL is reported, accepted runs wait, and all finish once the filler file is deleted',
    async () => {
      const small = disk as SmallDisk;
      const options: HostOptions = {
        port: await freePort(),
        store: join(small.path, 'store.db'),
        workflows: files.workflows,
        env: { BACKEND_URL: (await slowBackend()).url },
      };
      const host = await startHost(options);
      const before = await completeRuns(host, 0, 5);
      const inFlight = await startRuns(host, 50, 10);
      const filled = small.fill();
      const { accepted, healthMs, waiting } = await whileFull(host, 100, inFlight);
      small.free();
      await expectAllSucceeded(inFlight, 50);
      await expectAllSucceeded(accepted, 100);
      await expectAllSucceeded(before, 0);
      const afterMs = await acceptedAgainWithin(host, 5000);
      expect(host.output()).toMatch(/The durable store is available again after \d+ ms \(SQLITE_FULL\)/);
      await kill(host, 'SIGTERM');
      const snapshot = readStore(options.store);
      expect(snapshot.integrity).toBe('ok');
      expect(snapshot.runs.size).toBe(5 + 10 + accepted.length + 1);
      console.log(
        `tmpfs: filled ${filled} bytes; ${waiting}/10 runs in flight waited; ${accepted.length} runs accepted before the first refusal; health ${healthMs} ms while full; all Succeeded after the space returned; a new run was accepted ${afterMs} ms after`,
      );
    },
    90_000,
  );
  if (typeof disk === 'string') console.log(`disk full on tmpfs not run: ${disk}`);

  it('at the page limit: SQLITE_FULL is reported, and a restart without the limit finishes every accepted run', async () => {
    const store = join(files.dir, 'limited.db');
    const base: HostOptions = {
      port: await freePort(),
      store,
      workflows: files.workflows,
      env: { BACKEND_URL: (await slowBackend()).url },
    };
    let host = await startHost(base);
    const before = await completeRuns(host, 0, 5);
    await kill(host, 'SIGTERM');
    const db = new Database(store, { readonly: true });
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.close();
    host = await startHost({
      ...base,
      env: { ...base.env, FLOWLINE_STORE_MAX_PAGE_COUNT: String(pages + 40) },
    });
    const inFlight = await startRuns(host, 50, 10);
    const { accepted, healthMs, waiting } = await whileFull(host, 100, inFlight);
    const stopped = Date.now();
    await kill(host, 'SIGTERM');
    const stopMs = Date.now() - stopped;
    host = await startHost(base);
    await expectAllSucceeded(inFlight, 50);
    await expectAllSucceeded(accepted, 100);
    await expectAllSucceeded(before, 0);
    await kill(host, 'SIGTERM');
    const snapshot = readStore(store);
    expect(snapshot.integrity).toBe('ok');
    expect(snapshot.runs.size).toBe(5 + 10 + accepted.length);
    console.log(
      `page limit ${pages + 40}: ${waiting}/10 runs in flight waited; ${accepted.length} runs accepted before the first refusal; health ${healthMs} ms while full; SIGTERM while full took ${stopMs} ms; all Succeeded after a restart without the limit`,
    );
  }, 90_000);
});
