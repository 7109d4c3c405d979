import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DurableHost, startDurable } from './helpers';

let d: DurableHost;
beforeAll(async () => {
  d = await startDurable('durable-limits');
});
afterAll(async () => {
  await d.stop();
});

const startRaw = (path: string, body = ''): Promise<Response> => d.api(path, { method: 'POST', body });

test('host.json maxConcurrentActivityFunctions caps how many activities run at once', async () => {
  const ids = await Promise.all(
    [0, 1, 2].map(async () => ((await (await startRaw('orchestrators/Wide')).json()) as { id: string }).id),
  );
  for (const id of ids) expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 12 });
  expect(await (await fetch(`${d.host.origin}/api/peak`)).json()).toBe(3);
});

test('an entity operation that throws fails only that call in the orchestrator', async () => {
  const { id } = (await (await startRaw('orchestrators/CallStrict')).json()) as { id: string };
  expect(await d.waitFor(id)).toMatchObject({
    runtimeStatus: 'Completed',
    output: { ok: 'fine', failed: true },
  });
});

test.each([
  ['an unknown orchestrator', 'orchestrators/Nope', 400],
  ['an instance id starting with @', 'orchestrators/Wide/@bad', 400],
])('starting %s answers %i', async (_name, path, status) => {
  expect((await startRaw(path)).status).toBe(status);
});

test('starting a second instance with the id of an active one answers 500', async () => {
  expect((await startRaw('orchestrators/Wide/same')).status).toBe(202);
  expect((await startRaw('orchestrators/Wide/same')).status).toBe(500);
  await d.waitFor('same');
  expect((await startRaw('orchestrators/Wide/same')).status).toBe(202);
  await d.waitFor('same');
});

test('re-yielding a pending activity in a new Task.any runs it twice, as on Azure, and warns naming durable-js #574', async () => {
  const { id } = (await (await startRaw('orchestrators/Reyield')).json()) as { id: string };
  expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'late' });
  expect(await (await fetch(`${d.host.origin}/api/lazy-calls`)).json()).toBe(2);
  expect(d.logs.some((l) => l.startsWith('warning:') && l.includes('durable-js #574'))).toBe(true);
});

test('with an exception-properties provider a failed activity reaches the orchestrator as TaskFailedError with FailureDetails', async () => {
  const { id } = (await (await startRaw('orchestrators/CatchCoded')).json()) as { id: string };
  expect(await d.waitFor(id)).toMatchObject({
    runtimeStatus: 'Completed',
    output: { name: 'TaskFailedError', message: 'RangeError: out of range', properties: { code: 'E42' } },
  });
});

test('an orchestrator the SDK cannot run fails with the SDK error as the reason', async () => {
  const { id } = (await (await startRaw('orchestrators/NotAGenerator')).json()) as { id: string };
  const status = await d.waitFor(id);
  expect(status.runtimeStatus).toBe('Failed');
  expect(status.output).toMatch(/^Orchestrator function 'NotAGenerator' failed: /);
});

test('an app without durable functions gets no store file and no Durable routes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowline-nodurable-'));
  const plain = await startDurable('http-basic', { store: join(dir, 'store.db') });
  try {
    expect(existsSync(join(dir, 'store.db'))).toBe(false);
    expect((await plain.api('instances/x')).status).toBe(404);
  } finally {
    await plain.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
