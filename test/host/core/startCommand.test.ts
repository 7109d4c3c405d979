import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureDir } from './helpers';

const root = resolve(__dirname, '../../..');
const cli = resolve(root, 'dist/cli/index.js');
let child: ChildProcess | undefined;

beforeAll(() => {
  // Compile src -> dist so the test runs the CLI a user runs. Type errors elsewhere in the tree do not
  // stop tsc from emitting, so only a missing output fails here.
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
    // reported below if nothing was emitted
  }
  if (!existsSync(cli)) throw new Error(`${cli} was not built`);
}, 120_000);

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

test.each(['SIGTERM', 'SIGINT'] as const)(
  'flowline start serves the app in a child process, prints the functions like func start, and stops on %s',
  async (signal) => {
    const started = spawn(
      process.execPath,
      [cli, 'start', '--app', fixtureDir('http-basic'), '--port', '0', '--store', 'memory'],
      {
        cwd: root,
        env: { ...process.env, WEBSITE_HOSTNAME: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = started;
    let stdout = '';
    started.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let stderr = '';
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => started.on('exit', (code) => done(code)));

    const port = await new Promise<number>((done, fail) => {
      const timer = setInterval(() => {
        const match = /Host listening on http:\/\/localhost:(\d+)/.exec(stdout);
        if (match?.[1]) {
          clearInterval(timer);
          done(Number(match[1]));
        } else if (started.exitCode !== null) {
          clearInterval(timer);
          fail(new Error(`flowline start exited early: ${stderr}`));
        }
      }, 20);
    });
    expect(stdout).toContain('Functions:\n\n');
    expect(stdout).toContain(`\tHello: [GET,POST] http://localhost:${port}/api/Hello\n`);
    expect(stdout).toContain(`\tItemById: [GET,POST] http://localhost:${port}/api/items/{id:int}\n`);

    const response = await fetch(`http://localhost:${port}/api/items/12`);
    expect(await response.json()).toEqual({ fn: 'ItemById', params: { id: '12' } });

    started.kill(signal);
    expect(await exited).toBe(0);
    expect(stdout).toContain(`Received ${signal}; stopping the host...`);
    expect(stdout).toContain('Host stopped.');
  },
  30_000,
);

test('flowline start exits with 1 and a clear message when the app cannot load', () => {
  let failure: { status: number | null; stderr: string } = { status: 0, stderr: '' };
  try {
    execFileSync(process.execPath, [cli, 'start', '--app', fixtureDir('broken'), '--port', '0'], {
      stdio: 'pipe',
    });
  } catch (error) {
    const e = error as { status: number | null; stderr: Buffer };
    failure = { status: e.status, stderr: e.stderr.toString() };
  }
  expect(failure.status).toBe(1);
  expect(failure.stderr).toContain('flowline start: Failed to load entry point "lib/functions/throws.js"');
});
