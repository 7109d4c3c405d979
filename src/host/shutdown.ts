/**
 * Graceful stop: stop accepting connections and firing timers, let HTTP requests in progress finish,
 * stop the extensions (they finish or hand back their own work), wait for any invocation still
 * running, run `appTerminate` hooks, then close what is left. One deadline bounds all the waiting.
 */
import type { Server } from 'node:http';
import type { HostExtension } from './extension';
import type { Runtime } from './load/runtime';
import type { HostLogger } from './log';

export interface ShutdownParts {
  readonly server: Server;
  readonly stopTimers: () => void;
  readonly extensions: readonly HostExtension[];
  readonly runtime: Runtime;
  readonly requestsInFlight: ReadonlySet<Promise<void>>;
  readonly runAppTerminate: () => Promise<void>;
  readonly drainTimeoutMs: number;
  readonly log: HostLogger;
}

export async function shutdown(parts: ShutdownParts): Promise<void> {
  const { server, runtime, log } = parts;
  const deadline = Date.now() + parts.drainTimeoutMs;
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeIdleConnections();
  parts.stopTimers();
  if (!(await within(deadline, Promise.allSettled([...parts.requestsInFlight])))) {
    log('warning', 'Host', `Stopping with ${parts.requestsInFlight.size} HTTP request(s) still running.`);
  }
  for (const extension of [...parts.extensions].reverse()) {
    await extension.stop(deadline).catch((error: unknown) => {
      log('error', 'Host', `Extension '${extension.name}' failed to stop: ${String(error)}`);
    });
  }
  if (!(await within(deadline, runtime.drain()))) {
    log(
      'warning',
      'Host',
      `Stopped with ${runtime.inFlightCount} invocation(s) still running after ${parts.drainTimeoutMs} ms.`,
    );
  }
  await parts.runAppTerminate().catch((error: unknown) => {
    log('error', 'Host', `An appTerminate hook failed: ${String(error)}`);
  });
  server.closeAllConnections();
  await closed;
}

/** True when `work` settles before `deadline` (epoch ms). */
async function within(deadline: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), Math.max(0, deadline - Date.now()));
  });
  const finished = await Promise.race([work.then(() => true), timeout]);
  clearTimeout(timer);
  return finished;
}
