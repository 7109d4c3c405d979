/**
 * Starts the embedded Functions host for one app: loads it like the Node worker, serves its HTTP
 * triggers, schedules its timer triggers and starts the extensions (e.g. the Durable emulation).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { type Clock, systemClock } from './clock';
import type { HostEnvironment, HostExtension, LoadedFunction } from './extension';
import { dispatch } from './http/dispatch';
import { KeyStore, presentedKey } from './http/keys';
import { sendProblem } from './http/problem';
import { corsPolicy } from './http/cors';
import { closeServer, listen } from './http/listen';
import { buildRouteTable, type HttpRoute, isHttpTrigger } from './http/routeTable';
import { readRoutePrefix } from './http/routePrefix';
import { warnUnhandledTriggers } from './load/triggerCoverage';
import { applyLocalSettings, HostStartError, readAppFiles } from './load/appFiles';
import { detachRegistry } from './load/coreModule';
import { type AppHookData, loadApp } from './load/loadApp';
import { AppRegistry } from './load/registry';
import { Runtime } from './load/runtime';
import { consoleLogger, type HostLogger } from './log';
import { shutdown } from './shutdown';
import { TimerScheduler } from './timer/scheduler';
import { functionTimeoutMs } from './timeSpan';

export interface HostOptions {
  readonly appDir: string;
  /** 0 picks a free port. Default: local.settings.json `Host.LocalHttpPort`, else 7071, like Core Tools. */
  readonly port?: number;
  /** Address to bind. Default 127.0.0.1. */
  readonly bindAddress?: string;
  /** SQLite file or `memory`; handed to extensions. Default `<appDir>/.flowline/store.db`. */
  readonly store?: string;
  readonly requireKeys?: boolean;
  readonly extensions?: readonly HostExtension[];
  readonly log?: HostLogger;
  readonly clock?: Clock;
  /** Default: app setting `FUNCTIONS_REQUEST_BODY_SIZE_LIMIT` (bytes) as on Azure, else 100 MB. */
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

export { HostStartError, readRoutePrefix };

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const appDir = resolve(options.appDir);
  const log = options.log ?? consoleLogger();
  const extensions = options.extensions ?? [];
  const files = readAppFiles(appDir);
  applyLocalSettings(files.localSettings);
  const hookData: AppHookData = { appLevelOnly: {}, app: {} };
  const registry = new AppRegistry(log, hookData.app);
  const loaded = await loadApp(appDir, files, registry, hookData);
  const clock = options.clock ?? systemClock;
  let timeoutMs: number | undefined;
  try {
    timeoutMs = functionTimeoutMs(files.hostJson);
  } catch (error) {
    throw new HostStartError((error as Error).message, { cause: error });
  }
  const runtime = new Runtime(registry, loaded.programmingModel, extensions, hookData.app, log, {
    functionTimeoutMs: timeoutMs,
    clock,
  });
  const routePrefix = readRoutePrefix(files.hostJson);
  let routes: HttpRoute[];
  try {
    routes = buildRouteTable(runtime.functions.values(), routePrefix, (message) =>
      log('error', 'Host', message),
    );
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
  const timers = new TimerScheduler(runtime, clock, log);
  timers.prepare(runtime.functions.values());

  let origin = '';
  const server = createServer();
  const dispatchContext = {
    runtime,
    extensions,
    routes,
    keys,
    maxRequestBodyBytes: options.maxRequestBodyBytes ?? bodyLimitFromSettings(),
    cors: corsPolicy(files.localSettings.host),
    origin: () => origin,
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
  const requestsInFlight = new Set<Promise<void>>();
  server.on('request', (req, res) => {
    const handled = dispatch(dispatchContext, req, res).catch((error: unknown) => {
      log('error', 'Host', `Request ${req.method ?? ''} ${req.url ?? ''} failed: ${String(error)}`);
      sendProblem(res, 500);
    });
    requestsInFlight.add(handled);
    void handled.finally(() => requestsInFlight.delete(handled));
  });
  const wanted = options.port ?? files.localSettings.localHttpPort ?? 7071;
  const port = await listen(server, wanted, options.bindAddress ?? '127.0.0.1');
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
    (stopping ??= shutdown({
      server,
      stopTimers: () => timers.stop(),
      extensions: started,
      runtime,
      requestsInFlight,
      runAppTerminate: () =>
        registry.runHooks('appTerminate', { hookData: hookData.appLevelOnly, appHookData: hookData.app }),
      drainTimeoutMs: options.drainTimeoutMs ?? 10_000,
      log,
    }).finally(() => detachRegistry(registry)));

  return { port, origin, runtime, routes, routePrefix, keys, env, entryPoints: loaded.entryPoints, stop };
}

/** The real host reads its request body limit from the `FUNCTIONS_REQUEST_BODY_SIZE_LIMIT` app setting. */
function bodyLimitFromSettings(): number {
  const raw = process.env['FUNCTIONS_REQUEST_BODY_SIZE_LIMIT'];
  const parsed = raw === undefined ? NaN : Number(raw);
  if (raw !== undefined && !(Number.isInteger(parsed) && parsed > 0)) {
    throw new HostStartError(
      `FUNCTIONS_REQUEST_BODY_SIZE_LIMIT must be a positive number of bytes, got '${raw}'.`,
    );
  }
  return raw === undefined ? DEFAULT_MAX_BODY_BYTES : parsed;
}
