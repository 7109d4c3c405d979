/**
 * A real Azurite (the npm devDependency) for the Storage tests: its own process, in memory, on free
 * loopback ports chosen by the OS, telemetry off, started in a temporary folder and stopped (then the
 * folder removed) by the test that started it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { azuriteConnectionString } from '../../../src/connectors/storage/connection';

export interface Azurite {
  /** Shared-key connection string for the development account on this instance's ports. */
  readonly connectionString: string;
  readonly ports: { readonly blob: number; readonly queue: number; readonly table: number };
  readonly pid: number;
  stop(): Promise<void>;
}

const BIN = join(dirname(require.resolve('azurite/package.json')), 'dist/src/azurite.js');
const LISTENING = /Azurite (Blob|Queue|Table) service is successfully listening at https?:\/\/[^:]+:(\d+)/g;

export async function startAzurite(timeoutMs = 30_000): Promise<Azurite> {
  const folder = mkdtempSync(join(tmpdir(), 'flowline-azurite-'));
  const child = spawn(
    process.execPath,
    [
      BIN,
      ...['--blobHost', '127.0.0.1', '--queueHost', '127.0.0.1', '--tableHost', '127.0.0.1'],
      ...['--blobPort', '0', '--queuePort', '0', '--tablePort', '0'],
      ...['--inMemoryPersistence', '--extentMemoryLimit', '256'],
      ...['--silent', '--skipApiVersionCheck', '--disableTelemetry'],
    ],
    { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // If the test process dies first, Azurite dies with it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const cleanUp = (): void => {
    process.removeListener('exit', killOnExit);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const ports = await listening(child, timeoutMs);
    return {
      connectionString: azuriteConnectionString('127.0.0.1', ports),
      ports,
      pid: child.pid ?? -1,
      async stop() {
        await stopProcess(child);
        cleanUp();
      },
    };
  } catch (error) {
    await stopProcess(child);
    cleanUp();
    throw error;
  }
}

function listening(
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ blob: number; queue: number; table: number }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const found = new Map<string, number>();
    const timer = setTimeout(
      () => fail(new Error(`Azurite did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      for (const match of output.matchAll(LISTENING)) found.set(match[1] ?? '', Number(match[2]));
      const [blob, queue, table] = [found.get('Blob'), found.get('Queue'), found.get('Table')];
      if (blob !== undefined && queue !== undefined && table !== undefined) {
        done();
        resolve({ blob, queue, table });
      }
    };
    const onExit = (code: number | null): void => fail(new Error(`Azurite exited (${code}):\n${output}`));
    const done = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', fail);
      // Keep draining what Azurite prints so it never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    function fail(error: Error): void {
      done();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', fail);
  });
}

/** SIGTERM (Azurite closes its servers), SIGKILL if it is still there after 5 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
