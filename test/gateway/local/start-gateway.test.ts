/**
 * `flowline start --gateway` as a user runs it (the built CLI in a child process): the gateway takes the
 * port, the banner says how to get a token, `flowline token` mints one the gateway accepts, and SIGTERM
 * stops both. Needs `npm run build` first (as `npm test` does).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../workflows/helpers';
import { call, FIXTURE_WORKFLOWS, invokePath, PROBLEM } from './helpers';

const CLI = resolve(PROJECT_ROOT, 'dist/cli/index.js');
let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

it('serves the workflows behind the gateway, accepts a token from flowline token, and stops on SIGTERM', async () => {
  const args = [
    'start',
    '--app',
    PROJECT_ROOT,
    '--workflows',
    FIXTURE_WORKFLOWS,
    '--port',
    '0',
    '--store',
    'memory',
    '--gateway',
  ];
  const started = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, WEBSITE_HOSTNAME: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  let stdout = '';
  started.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((done) => started.on('exit', (code) => done(code)));
  const port = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /Host listening on http:\/\/localhost:(\d+)/.exec(stdout);
      if (match?.[1] !== undefined || started.exitCode !== null) clearInterval(timer);
      if (match?.[1] !== undefined) done(match[1]);
      else if (started.exitCode !== null) fail(new Error(`flowline start exited early:\n${stdout}`));
    }, 25);
  });
  const origin = `http://localhost:${port}`;
  expect(stdout).toContain(`Gateway on ${origin} (the host behind it listens on http://localhost:`);
  expect(stdout).toContain(`get a token with: flowline token --port ${port} [--role <role>]`);
  expect(stdout).toContain(`[POST] ${origin}/api/workflows/orders/triggers/manual/invoke`);

  expect((await call(origin, '/api/health')).status).toBe(200);
  const refused = await call(origin, invokePath('orders'), { body: '{"id":"S-1"}' });
  expect(await refused.json()).toStrictEqual(PROBLEM.missingToken);
  const token = execFileSync(
    process.execPath,
    [CLI, 'token', '--app', PROJECT_ROOT, '--port', port, '--role', 'Orders.Submit'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  ).trim();
  const accepted = await call(origin, invokePath('orders'), { token, body: '{"id":"S-1"}' });
  expect(await accepted.json()).toStrictEqual({ workflow: 'orders', id: 'S-1' });

  started.kill('SIGTERM');
  expect(await exited).toBe(0);
});
