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
      store = environment.store === 'memory' ? new MemoryStore() : new SqliteStore(environment.store);
      engine = new Engine(store, runtime, options.clock ?? systemClock, config);
      engine.start();
      return Promise.resolve();
    },
    async stop() {
      await engine?.stop();
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
