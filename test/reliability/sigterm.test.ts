/**
 * Graceful shutdown under load: SIGTERM while 100 runs are in flight, some of them waiting on a
 * backend call that never answers. The host must exit within its drain timeout (10 s), and after a
 * restart on the same store every run finishes; only calls cut off by the shutdown run twice.
 */
import { afterAll, expect, test } from 'vitest';
import { type Behaviour, type CountingBackend, type Hit, startCountingBackend } from './support/backend';
import { awaitAll, startMany } from './support/caller';
import { freePort, killAllHosts, sleep, startHost } from './support/hostProcess';
import { ACTIONS_PER_RUN, expectedOutputs, orderBackend, orderWorkflow } from './support/orderWorkflow';
import { countDuplicates } from './support/sideEffects';
import { readStore } from './support/store';
import { scratch } from './support/workflows';

const RUNS = 100;
/** The host's default drain timeout (startHost drainTimeoutMs). */
const DRAIN_MS = 10_000;
const files = scratch('sigterm', { order: orderWorkflow });
let backend: CountingBackend | undefined;

afterAll(async () => {
  killAllHosts();
  await backend?.close();
  files.remove();
});

/** Until the first host is stopped, every tenth order's second line never gets an answer. */
let hanging = true;
function hangsOnce(hit: Hit): Behaviour {
  const body = hit.body as { order?: number; line?: number } | null;
  const hang = hanging && hit.path === '/ship' && body?.line === 1 && (body.order ?? 1) % 10 === 0;
  return hang ? { kind: 'hang' } : orderBackend(hit, 100);
}

test('SIGTERM with 100 runs in flight and hung backend calls: the host exits within its drain timeout and every run finishes after a restart', async () => {
  backend = await startCountingBackend(hangsOnce);
  const options = {
    port: await freePort(),
    store: files.store,
    workflows: files.workflows,
    env: { BACKEND_URL: backend.url },
  };
  const first = await startHost(options);
  const { accepted } = await startMany(first.origin, 'order', RUNS, 20, (i) => ({ order: i }));
  // Wait until the hung calls are out, then stop with plenty of work in flight.
  while (backend.hitsTo('/ship').length < 60) await sleep(20);
  const callsAtSignal = backend.hits.length;
  const signalled = Date.now();
  first.child.kill('SIGTERM');
  const exit = await first.exited;
  hanging = false;
  const exitMs = Date.now() - signalled;
  expect(exit.code).toBe(0);
  expect(exitMs).toBeLessThan(DRAIN_MS + 2000);
  expect(first.output()).toContain('Host stopped.');

  const second = await startHost(options);
  const views = await awaitAll(
    accepted.map((a) => a.location),
    60_000,
  );
  accepted.forEach((a, i) => {
    expect(views.get(a.location)?.status, a.runId).toBe('Succeeded');
    expect(views.get(a.location)?.outputs).toEqual(expectedOutputs(i));
  });
  second.child.kill('SIGTERM');
  await second.exited;
  const snapshot = readStore(files.store);
  expect(snapshot.integrity).toBe('ok');
  expect(snapshot.runs.size).toBe(RUNS);
  const stats = countDuplicates(backend.perKey);
  expect(stats.actions).toBe(RUNS * ACTIONS_PER_RUN);
  // Only the hung calls (cut off by the shutdown) may run twice.
  const hung = [...backend.perKey].filter(([, n]) => n > 1).map(([key]) => key);
  expect(
    hung.every((key) => key.endsWith('Each_line[1]/Ship_line')),
    hung.join(', '),
  ).toBe(true);
  console.log(
    `SIGTERM after ${callsAtSignal} backend calls: exited in ${exitMs} ms (code ${exit.code}); ` +
      `${RUNS}/${RUNS} Succeeded after restart; actions ${stats.actions}, duplicates ${stats.duplicates} ` +
      `(${stats.perThousand} per 1,000: the hung calls the drain abandoned), worst key ${stats.worst}`,
  );
}, 120_000);
