/**
 * Loads an app's entry points the way the worker's `startApp` does: expand package.json `main`,
 * load every file with the core module attached, run `appStart` hooks, then call
 * `getCapabilities` once (which locks `app.setup()`).
 */
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AppFiles, HostStartError } from './appFiles';
import { attachRegistry, currentProgrammingModel, installCoreModule } from './coreModule';
import type { ProgrammingModel } from './coreTypes';
import { globFiles } from './glob';
import type { AppRegistry } from './registry';

/** Capabilities the Node worker advertises to the host (section 1.6 of the protocol notes). */
export const WORKER_CAPABILITIES: Readonly<Record<string, string>> = {
  RawHttpBodyBytes: 'true',
  RpcHttpBodyOnly: 'true',
  IgnoreEmptyValuedRpcHttpHeaders: 'true',
  UseNullableValueDictionaryForHttp: 'true',
  RpcHttpTriggerMetadataRemoved: 'true',
  WorkerStatus: 'true',
  TypedDataCollection: 'true',
  HandlesWorkerTerminateMessage: 'true',
};

/**
 * The worker's two app-wide hook data objects: `appLevelOnly` is the `hookData` of appStart and
 * appTerminate (what `@azure/functions` exposes), `app` is `appHookData`, shared by every hook.
 */
export interface AppHookData {
  readonly appLevelOnly: Record<string, unknown>;
  readonly app: Record<string, unknown>;
}

export interface LoadedApp {
  readonly programmingModel: ProgrammingModel | undefined;
  readonly entryPoints: readonly string[];
  readonly capabilities: Readonly<Record<string, string>>;
}

export async function loadApp(
  appDir: string,
  files: AppFiles,
  registry: AppRegistry,
  hookData: AppHookData,
): Promise<LoadedApp> {
  installCoreModule();
  const entryPoints = globFiles(files.main, appDir);
  if (entryPoints.length === 0) {
    throw new HostStartError(
      `package.json "main" is "${files.main}", but no file in ${appDir} matches it. Build the app first (e.g. npm run build) or fix "main".`,
    );
  }
  const appRequire = createRequire(join(appDir, 'package.json'));
  forgetAppModules(appRequire, appDir);
  const cachedBefore = new Set(Object.keys(appRequire.cache));
  attachRegistry(registry);
  try {
    for (const entryPoint of entryPoints)
      await loadEntryPoint(appRequire, appDir, entryPoint, files, registry);
  } finally {
    rememberAppModules(appRequire, appDir, cachedBefore);
  }
  await registry.runHooks('appStart', {
    hookData: hookData.appLevelOnly,
    appHookData: hookData.app,
    functionAppDirectory: appDir,
  });
  registry.lock();
  const programmingModel = registry.functions.size > 0 ? currentProgrammingModel() : undefined;
  if (registry.functions.size > 0 && !programmingModel) {
    throw new HostStartError(
      'Functions were registered, but no programming model was set through @azure/functions-core.',
    );
  }
  const capabilities = programmingModel
    ? await programmingModel.getCapabilities({ ...WORKER_CAPABILITIES })
    : { ...WORKER_CAPABILITIES };
  if (capabilities['HttpUri']) {
    throw new HostStartError(
      'The app enables HTTP streaming (app.setup({ enableHttpStream: true })); the embedded host does not support it yet. Remove the setting to run locally.',
    );
  }
  return { programmingModel, entryPoints, capabilities };
}

async function loadEntryPoint(
  appRequire: NodeJS.Require,
  appDir: string,
  entryPoint: string,
  files: AppFiles,
  registry: AppRegistry,
): Promise<void> {
  const file = join(appDir, entryPoint);
  registry.currentFile = entryPoint;
  try {
    if (isEsm(file, files.packageType)) await import(esmUrl(file));
    else appRequire(file);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new HostStartError(
      `Failed to load entry point "${entryPoint}" (package.json "main": "${files.main}"): ${detail}`,
      { cause: error },
    );
  } finally {
    registry.currentFile = undefined;
  }
}

function isEsm(file: string, packageType: string | undefined): boolean {
  return file.endsWith('.mjs') || (file.endsWith('.js') && packageType === 'module');
}

/** CommonJS modules each app folder's previous load added to the require cache. */
const loadedByApp = new Map<string, string[]>();

/**
 * Drops what the previous load of this app added to the require cache (except packages), so a second
 * host in one process runs the entry points again. Modules that were cached before the app first
 * loaded, such as the host's own when the app folder contains it, are never dropped.
 */
function forgetAppModules(appRequire: NodeJS.Require, appDir: string): void {
  for (const key of loadedByApp.get(appDir) ?? []) delete appRequire.cache[key];
  loadedByApp.delete(appDir);
}

function rememberAppModules(
  appRequire: NodeJS.Require,
  appDir: string,
  cachedBefore: ReadonlySet<string>,
): void {
  const added = Object.keys(appRequire.cache).filter(
    (key) => !cachedBefore.has(key) && !key.split(sep).includes('node_modules'),
  );
  loadedByApp.set(appDir, added);
}

let esmLoads = 0;

/** ES modules cannot be dropped from the loader cache; a fresh query string makes a new load run the file again. */
function esmUrl(file: string): string {
  esmLoads += 1;
  return `${pathToFileURL(file).href}?flowline-load=${esmLoads}`;
}
