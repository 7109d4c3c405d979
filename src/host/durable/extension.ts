/**
 * The Durable Task extension for the embedded host: orchestration, activity and entity triggers, the
 * `durableClient` input, and the Durable HTTP API on the host's port.
 */
import { systemClock } from '../clock';
import type { FunctionsRuntime, HostEnvironment, HostExtension, LoadedFunction } from '../extension';
import { clientBindingData } from './api/clientData';
import { handleDurableHttp } from './api/routes';
import { type DurableOptions, readConfig } from './config';
import { Engine } from './engine';
import { MemoryStore } from './store/memoryStore';
import { SqliteStore } from './store/sqliteStore';
import type { DurableStore } from './store/types';
import { storeUnavailable } from './store/unavailable';
import { HostStartError } from '../load/appFiles';

export interface DurableExtension extends HostExtension {
  /** The running engine's store (for tests and tools); undefined before start. */
  readonly store: DurableStore | undefined;
}

export function createDurableExtension(options: DurableOptions = {}): DurableExtension {
  let engine: Engine | undefined;
  let store: DurableStore | undefined;
  let env: HostEnvironment | undefined;
  const code = (): string | undefined => env?.systemKey?.('durabletask_extension');
  return {
    name: 'DurableTask',
    triggerTypes: ['orchestrationTrigger', 'activityTrigger', 'entityTrigger'],
    get store() {
      return store;
    },
    inputBindingValue(bindingType) {
      if (bindingType !== 'durableClient' && bindingType !== 'orchestrationClient') return undefined;
      if (!engine || !env) return undefined;
      return { string: clientBindingData(env.origin, engine.ctx.config.hubName, code()) };
    },
    async handleHttp(req, res, url) {
      if (!engine) return false;
      return handleDurableHttp({ engine: engine.ctx, systemCode: code }, req, res, url);
    },
    start(runtime: FunctionsRuntime, environment: HostEnvironment) {
      env = environment;
      // An app without durable functions gets no store file and no Durable routes.
      if (![...runtime.functions.values()].some(usesDurable)) return Promise.resolve();
      const config = readConfig(environment.hostJson, options);
      store = environment.store === 'memory' ? new MemoryStore() : openSqliteStore(environment.store);
      engine = new Engine(store, runtime, options.clock ?? systemClock, config);
      engine.start();
      return Promise.resolve();
    },
    async stop(deadline?: number) {
      await engine?.stop(deadline);
      store?.close();
      engine = undefined;
    },
  };
}

const DURABLE_BINDINGS = new Set([
  'orchestrationTrigger',
  'activityTrigger',
  'entityTrigger',
  'durableClient',
  'orchestrationClient',
]);

function usesDurable(fn: LoadedFunction): boolean {
  return Object.values(fn.bindings).some((b) => DURABLE_BINDINGS.has(b.type));
}

/** Opening needs the write lock on a new file (schema, WAL mode): name the cause when it is taken. */
function openSqliteStore(path: string): SqliteStore {
  try {
    return new SqliteStore(path, { ...maxPageCount(), ...storeSync() });
  } catch (error) {
    const why = storeUnavailable(error);
    if (!why) throw error;
    throw new HostStartError(
      `The durable store ${path} cannot be opened: ${why.reason} (${why.code}). Free it and start again.`,
      { cause: error },
    );
  }
}

/** `FLOWLINE_STORE_SYNC`: `normal` (default) or `full`, when a commit waits for the disk (sqliteStore.ts). */
function storeSync(): { sync?: 'normal' | 'full' } {
  const raw = process.env['FLOWLINE_STORE_SYNC']?.toLowerCase();
  if (raw === undefined || raw === '') return {};
  if (raw !== 'normal' && raw !== 'full')
    throw new HostStartError(`FLOWLINE_STORE_SYNC must be 'normal' or 'full', got '${raw}'.`);
  return { sync: raw };
}

/**
 * `FLOWLINE_STORE_MAX_PAGE_COUNT` caps the store file (pages of 4 KiB), past which writes fail with
 * SQLITE_FULL: a test switch to simulate a full disk where no small file system can be mounted.
 */
function maxPageCount(): { maxPageCount?: number } {
  const raw = process.env['FLOWLINE_STORE_MAX_PAGE_COUNT'];
  if (raw === undefined || raw === '') return {};
  const pages = Number(raw);
  if (!Number.isInteger(pages) || pages < 1)
    throw new HostStartError(`FLOWLINE_STORE_MAX_PAGE_COUNT must be a positive integer, got '${raw}'.`);
  return { maxPageCount: pages };
}
