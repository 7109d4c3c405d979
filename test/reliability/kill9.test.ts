/**
 * kill -9 under load: 200 runs started through the 202 + Location pattern while the host is killed
 * with SIGKILL three times at seeded random moments and restarted on the same SQLite store. Every run
 * the caller was told about must finish Succeeded with the right outputs; activities in flight at a
 * kill run again (at-least-once), and the test measures how often.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { type CountingBackend, startCountingBackend } from './support/backend';
import { awaitAll, startMany } from './support/caller';
import {
  freePort,
  type HostProcess,
  kill,
  killAllHosts,
  ROOT,
  sleep,
  startHost,
} from './support/hostProcess';
import { ACTIONS_PER_RUN, expectedOutputs, orderBackend, orderWorkflow } from './support/orderWorkflow';
import { seededRandom } from './support/random';
import { countDuplicates } from './support/sideEffects';
import { readStore } from './support/store';
import { scratch } from './support/workflows';

const RUNS = 200;
/** host.json of the app under test: extensions.durableTask.maxConcurrentActivityFunctions. */
const maxConcurrentActivities = (): number => {
  const hostJson = JSON.parse(readFileSync(join(ROOT, 'host.json'), 'utf8')) as {
    extensions?: { durableTask?: { maxConcurrentActivityFunctions?: number } };
  };
  return hostJson.extensions?.durableTask?.maxConcurrentActivityFunctions ?? 20;
};
const KILLS = 3;
const files = scratch('kill9', { order: orderWorkflow });
let backend: CountingBackend | undefined;

afterAll(async () => {
  killAllHosts();
  await backend?.close();
  files.remove();
});

test('200 runs survive three kill -9 of the host: all Succeeded, none lost, one run per 202', async () => {
  const random = seededRandom();
  console.log(`kill -9 test: seed ${random.seed} (repeat with RELIABILITY_SEED=${random.seed})`);
  // A short delay per call keeps activities in flight when the kill lands.
  backend = await startCountingBackend((hit) => orderBackend(hit, 20));
  const port = await freePort();
  const options = { port, store: files.store, workflows: files.workflows, env: { BACKEND_URL: backend.url } };
  let host: HostProcess = await startHost(options);
  const started = Date.now();

  const load = startMany(host.origin, 'order', RUNS, 10, (i) => ({ order: i }));
  const kills: string[] = [];
  for (let k = 1; k <= KILLS; k++) {
    const wait = random.between(300, 2500);
    await sleep(wait);
    const hitsBefore = backend.hits.length;
    await kill(host, 'SIGKILL');
    const down = random.between(0, 400);
    kills.push(`kill ${k} after ${wait} ms (${hitsBefore} backend calls so far), down ${down} ms`);
    await sleep(down);
    host = await startHost(options);
  }
  const { accepted, unanswered } = await load;
  const views = await awaitAll(
    accepted.map((a) => a.location),
    120_000,
  );
  const elapsed = Date.now() - started;
  await kill(host, 'SIGTERM');

  // The caller's view: 200 distinct run ids, each Location answers that run, Succeeded, right outputs.
  const ids = accepted.map((a) => a.runId);
  expect(new Set(ids).size).toBe(RUNS);
  accepted.forEach((a, i) => {
    const view = views.get(a.location);
    expect(view?.id, `run ${i}`).toBe(a.runId);
    expect(view?.status, `run ${i} (${a.runId})`).toBe('Succeeded');
    expect(view?.outputs, `run ${i} (${a.runId})`).toEqual(expectedOutputs(i));
  });

  // The store: every acknowledged run once; a run nobody was told about only for a POST that got no answer.
  const snapshot = readStore(files.store);
  expect(snapshot.integrity).toBe('ok');
  const orphans = [...snapshot.runs.keys()].filter((id) => !ids.includes(id));
  expect(orphans.length).toBeLessThanOrEqual(unanswered);
  for (const [id, status] of snapshot.runs) expect(status, `instance ${id}`).toBe('Completed');

  // Side effects: every action of every run reached the backend; duplicates are the at-least-once cost.
  const stats = countDuplicates(backend.perKey);
  expect(stats.actions).toBe((RUNS + orphans.length) * ACTIONS_PER_RUN);
  expect(stats.worst).toBeLessThanOrEqual(KILLS + 1);
  // Only calls in flight at a kill run again, and at most maxConcurrentActivityFunctions are in flight.
  expect(stats.duplicates).toBeLessThanOrEqual(KILLS * maxConcurrentActivities());
  console.log(
    [
      ...kills,
      `runs ${RUNS}, POSTs without an answer ${unanswered}, runs started by them ${orphans.length}`,
      `actions ${stats.actions}, duplicate side effects ${stats.duplicates} (${stats.perThousand} per 1,000 actions), worst key ${stats.worst} calls`,
      `all runs finished ${elapsed} ms after the first start`,
    ].join('\n'),
  );
}, 180_000);
