/**
 * The embedded host as a child process (`node dist/cli/index.js start`), the way an operator runs it:
 * started on a given port and store, killed with a real signal, restarted on the same store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
const CLI = resolve(ROOT, 'dist/cli/index.js');

export interface HostOptions {
  readonly port: number;
  readonly store: string;
  readonly workflows: string;
  /** Extra environment (app settings such as the backend URL). */
  readonly env?: Record<string, string>;
}

export interface HostProcess {
  readonly origin: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export function spawnHost(options: HostOptions): HostProcess {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first.`);
  const child = spawn(
    process.execPath,
    [
      CLI,
      'start',
      '--port',
      String(options.port),
      '--store',
      options.store,
      '--workflows',
      options.workflows,
    ],
    { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  live.add(child);
  void exited.then(() => live.delete(child));
  return { origin: `http://127.0.0.1:${options.port}`, child, exited, output: () => text };
}

/** Spawns the host and waits until its health route answers; fails with its output if it exits first. */
export async function startHost(options: HostOptions, timeoutMs = 30_000): Promise<HostProcess> {
  const host = spawnHost(options);
  let gone = false;
  void host.exited.then(() => (gone = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (gone) throw new Error(`the host exited before it listened:\n${host.output()}`);
    if (await healthy(host.origin, 1000)) return host;
    await sleep(50);
  }
  host.child.kill('SIGKILL');
  throw new Error(`the host did not listen within ${timeoutMs} ms:\n${host.output()}`);
}

/** True when GET /api/health answers 200 within `timeoutMs`. */
export async function healthy(origin: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function kill(host: HostProcess, signal: NodeJS.Signals): Promise<void> {
  host.child.kill(signal);
  await host.exited;
}

const live = new Set<ChildProcess>();

/** For afterAll: SIGKILL every host this file started that still runs. */
export function killAllHosts(): void {
  for (const child of live) child.kill('SIGKILL');
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
