import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EventType } from '../../../src/host/durable/history';
import { SqliteStore } from '../../../src/host/durable/store/sqliteStore';

const root = resolve(__dirname, '../../..');
const cli = resolve(root, 'dist/cli/index.js');
const app = resolve(root, 'test/fixtures/apps/durable-crash');
const dir = mkdtempSync(join(tmpdir(), 'flowline-crash-'));
const children: ChildProcess[] = [];

beforeAll(() => {
  // Build the CLI a user runs; type errors elsewhere in the tree do not stop tsc from emitting.
  try {
    execFileSync(
      process.execPath,
      [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
  } catch {
    // a missing output is reported below
  }
  if (!existsSync(cli)) throw new Error(`${cli} was not built`);
}, 120_000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function startHost(port: number, store: string, log: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [cli, 'start', '--app', app, '--port', String(port), '--store', store],
    {
      cwd: root,
      env: { ...process.env, CRASH_LOG: log },
      stdio: 'ignore',
    },
  );
  children.push(child);
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status > 0) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('flowline start did not listen');
}

const runs = (log: string): number[] => readFileSync(log, 'utf8').split('\n').filter(Boolean).map(Number);

test('after kill -9 mid-orchestration a restarted host continues from history; completed steps never run again', async () => {
  const port = await freePort();
  const store = join(dir, 'store.db');
  const log = join(dir, 'steps.log');
  const steps = 30;
  const first = await startHost(port, store, log);
  const started = await fetch(`http://127.0.0.1:${port}/api/orchestrators/Steps/crash1`, {
    method: 'POST',
    body: String(steps),
  });
  expect(started.status).toBe(202);
  while (!existsSync(log) || runs(log).length < 8) await new Promise((r) => setTimeout(r, 10));
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));

  const snapshot = new SqliteStore(store);
  const durable = new Set(
    [...snapshot.history('crash1'), ...snapshot.messages('crash1').map((m) => m.event)]
      .filter((e) => e.EventType === EventType.TaskCompleted)
      .map((e) => e['TaskScheduledId'] as number),
  );
  snapshot.close();
  expect(durable.size).toBeGreaterThan(0);

  await startHost(port, store, log);
  let status: { runtimeStatus: string; output: unknown } = { runtimeStatus: '', output: null };
  for (let i = 0; i < 400 && status.runtimeStatus !== 'Completed'; i++) {
    status = (await (
      await fetch(`http://127.0.0.1:${port}/runtime/webhooks/durabletask/instances/crash1`)
    ).json()) as typeof status;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(status).toEqual(
    expect.objectContaining({ runtimeStatus: 'Completed', output: 10 * ((steps * (steps - 1)) / 2) }),
  );
  const counts = new Map<number, number>();
  for (const i of runs(log)) counts.set(i, (counts.get(i) ?? 0) + 1);
  for (let i = 0; i < steps; i++) {
    expect(counts.get(i) ?? 0, `step ${i}`).toBeGreaterThanOrEqual(1);
    if (durable.has(i)) expect(counts.get(i), `step ${i} completed before the crash`).toBe(1);
  }
}, 60_000);
