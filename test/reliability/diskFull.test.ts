/**
 * Disk full under the store, two ways: a real small file system (tmpfs, needs root; space returns
 * by deleting a filler file while the host runs) and SQLite's page limit (FLOWLINE_STORE_MAX_PAGE_COUNT,
 * anywhere; space returns by restarting without the limit). Either way the host says SQLITE_FULL
 * plainly, refuses new runs, keeps answering, loses nothing already committed, and finishes every
 * accepted run once there is room again.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type CountingBackend, startCountingBackend } from './support/backend';
import {
  acceptedAgainWithin,
  completeRuns,
  expectAllSucceeded,
  startRuns,
  whileFull,
} from './support/fullStore';
import { freePort, type HostOptions, kill, killAllHosts, startHost } from './support/hostProcess';
import { orderBackend, orderWorkflow } from './support/orderWorkflow';
import { mountSmallDisk, type SmallDisk } from './support/smallDisk';
import { readStore } from './support/store';
import { scratch } from './support/workflows';

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
