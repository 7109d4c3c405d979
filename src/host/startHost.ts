/**
 * Starts the embedded Functions host for one app: loads it like the Node worker, serves its HTTP
 * triggers, schedules its timer triggers and starts the extensions (e.g. the Durable emulation).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Clock, systemClock } from './clock';
import type { HostEnvironment, HostExtension, LoadedFunction } from './extension';
import { dispatch } from './http/dispatch';
import { KeyStore, presentedKey } from './http/keys';
import { sendProblem } from './http/problem';
import { buildRouteTable, type HttpRoute, isHttpTrigger } from './http/routeTable';
import { applyLocalSettings, HostStartError, readAppFiles } from './load/appFiles';
import { detachRegistry } from './load/coreModule';
import { loadApp } from './load/loadApp';
import { AppRegistry } from './load/registry';
import { Runtime } from './load/runtime';
import { consoleLogger, type HostLogger } from './log';
import { TimerScheduler } from './timer/scheduler';

export interface HostOptions {
  readonly appDir: string;
  /** 0 picks a free port. Default 7071 like Core Tools. */
  readonly port?: number;
  /** Address to bind. Default 127.0.0.1. */
  readonly bindAddress?: string;
  /** SQLite file or `memory`; handed to extensions. Default `<appDir>/.flowline/store.db`. */
  readonly store?: string;
  readonly requireKeys?: boolean;
  readonly extensions?: readonly HostExtension[];
  readonly log?: HostLogger;
  readonly clock?: Clock;
  /** Default 100 MB, the real host's limit. */
  readonly maxRequestBodyBytes?: number;
  /** How long stop() waits for running invocations. Default 10 s. */
  readonly drainTimeoutMs?: number;
  /**
   * Set `WEBSITE_HOSTNAME=localhost:<port>` when it is unset, before extensions start. durable-functions
   * rewrites management URLs to `localhost:7071` unless this variable is set (protocol notes 3.1).
   */
  readonly setWebsiteHostname?: boolean;
}

export interface RunningHost {
  readonly port: number;
  readonly origin: string;
  readonly runtime: Runtime;
  readonly routes: readonly HttpRoute[];
  readonly routePrefix: string;
  readonly keys: KeyStore | undefined;
  readonly env: HostEnvironment;
  readonly entryPoints: readonly string[];
  stop(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 100 * 1024 * 1024;

export { HostStartError };

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const appDir = resolve(options.appDir);
  const log = options.log ?? consoleLogger();
  const extensions = options.extensions ?? [];
  const files = readAppFiles(appDir);
  applyLocalSettings(files.localSettings);
  const hookData = { appLevelOnly: {}, app: {} };
  const registry = new AppRegistry(log);
  const loaded = await loadApp(appDir, files, registry, hookData);
  const runtime = new Runtime(registry, loaded.programmingModel, extensions, hookData.app, log);
  const routePrefix = readRoutePrefix(files.hostJson);
  let routes: HttpRoute[];
  try {
    routes = buildRouteTable(runtime.functions.values(), routePrefix);
  } catch (error) {
    throw new HostStartError((error as Error).message);
  }
  warnUnhandledTriggers(runtime.functions.values(), extensions, log);
  const keys = options.requireKeys
    ? KeyStore.open(
        appDir,
        [...runtime.functions.values()].filter(isHttpTrigger).map((f) => f.name),
      )
    : undefined;
  const clock = options.clock ?? systemClock;
  const timers = new TimerScheduler(runtime, clock, log);
  timers.prepare(runtime.functions.values());

  let origin = '';
  const server = createServer();
  const dispatchContext = {
    runtime,
    extensions,
    routes,
    keys,
    maxRequestBodyBytes: options.maxRequestBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    origin: () => origin,
    log,
    admin: {
      functions: runtime.functions,
      routes,
      origin: () => origin,
      hostJson: files.hostJson,
      instanceId: randomUUID().replace(/-/g, ''),
      startedAt: Date.now(),
      authorize: (req: Parameters<typeof presentedKey>[0], url: URL) =>
        !keys || keys.authorize('admin', '', presentedKey(req, url)),
      runManually: (fn: LoadedFunction, input: string | undefined) => timers.runManually(fn, input),
    },
  };
  server.on('request', (req, res) => {
    dispatch(dispatchContext, req, res).catch((error: unknown) => {
      log('error', 'Host', `Request ${req.method ?? ''} ${req.url ?? ''} failed: ${String(error)}`);
      sendProblem(res, 500);
    });
  });
  const port = await listen(server, options.port ?? 7071, options.bindAddress ?? '127.0.0.1');
  origin = `http://localhost:${port}`;
  if (options.setWebsiteHostname && !process.env['WEBSITE_HOSTNAME'])
    process.env['WEBSITE_HOSTNAME'] = `localhost:${port}`;
  const env: HostEnvironment = {
    appDir,
    hostJson: files.hostJson,
    origin,
    store: options.store ?? resolve(appDir, '.flowline', 'store.db'),
    systemKey: (name: string) => keys?.systemKey(name),
  };
  const started: HostExtension[] = [];
  try {
    for (const extension of extensions) {
      await extension.start(runtime, env);
      started.push(extension);
    }
  } catch (error) {
    await Promise.allSettled(started.reverse().map((e) => e.stop()));
    await closeServer(server);
    throw error;
  }
  timers.start();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const closed = closeServer(server);
      server.closeIdleConnections();
      timers.stop();
      for (const extension of [...started].reverse()) {
        await extension
          .stop()
          .catch((error: unknown) =>
            log('error', 'Host', `Extension '${extension.name}' failed to stop: ${String(error)}`),
          );
      }
      await drainWithTimeout(runtime, options.drainTimeoutMs ?? 10_000, log);
      await registry
        .runHooks('appTerminate', { hookData: hookData.appLevelOnly, appHookData: hookData.app })
        .catch((error: unknown) => log('error', 'Host', `An appTerminate hook failed: ${String(error)}`));
      server.closeAllConnections();
      await closed;
      detachRegistry(registry);
    })());

  return { port, origin, runtime, routes, routePrefix, keys, env, entryPoints: loaded.entryPoints, stop };
}

/** `extensions.http.routePrefix` in host.json; default `api`, the empty string removes the prefix. */
export function readRoutePrefix(hostJson: Readonly<Record<string, unknown>>): string {
  const extensionsSection = hostJson['extensions'];
  const http =
    extensionsSection && typeof extensionsSection === 'object'
      ? (extensionsSection as Record<string, unknown>)['http']
      : undefined;
  const prefix =
    http && typeof http === 'object' ? (http as Record<string, unknown>)['routePrefix'] : undefined;
  return typeof prefix === 'string' ? prefix.replace(/^\/+|\/+$/g, '') : 'api';
}

function warnUnhandledTriggers(
  functions: Iterable<LoadedFunction>,
  extensions: readonly HostExtension[],
  log: HostLogger,
): void {
  const handled = new Set([
    'httptrigger',
    'timertrigger',
    ...extensions.flatMap((e) => e.triggerTypes.map((t) => t.toLowerCase())),
  ]);
  for (const fn of functions) {
    if (!handled.has(fn.triggerType.toLowerCase())) {
      log(
        'warning',
        'Host',
        `Function '${fn.name}' has trigger type '${fn.triggerType}', which no loaded extension handles; it will not run.`,
      );
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new HostStartError(
              `Port ${port} is in use. Stop the other process or pass --port <n> (0 picks a free port).`,
            )
          : error,
      );
    });
    server.listen(port, host, () => resolvePort((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

async function drainWithTimeout(runtime: Runtime, timeoutMs: number, log: HostLogger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(true), timeoutMs);
  });
  const finished = await Promise.race([runtime.drain().then(() => false), timedOut]);
  clearTimeout(timer);
  if (finished)
    log(
      'warning',
      'Host',
      `Stopped with ${runtime.inFlightCount} invocation(s) still running after ${timeoutMs} ms.`,
    );
}
