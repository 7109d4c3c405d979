// A server started as a child process: keeps the tail of its output for error messages and stops it
// with a signal, waiting for the exit.
/* global setTimeout, clearTimeout */
import { spawn } from 'node:child_process';
import { waitForHttp, waitForPort } from './ports.mjs';

/**
 * Spawns `command args`, waits until `readyUrl` answers (or, for HTTP/2-only servers, `readyPort`
 * accepts connections), and returns { pid, stop, output }.
 */
export async function startServer(command, args, options) {
  const { env, cwd, readyUrl, readyPort, readyMs = 90_000, stopSignal = 'SIGTERM' } = options;
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => (output = (output + String(chunk)).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((done) => child.once('exit', done));
  // A graceful stop first; a process still running 15 s later (say, mid-way through a long run the
  // benchmark gave up on) is killed.
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(stopSignal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    if (readyPort === undefined) await waitForHttp(readyUrl, readyMs, child);
    else await waitForPort(readyPort, readyMs, child);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}; last output: ${output.trim().slice(-600)}`, { cause: error });
  }
  return { pid: child.pid, stop, output: () => output };
}
