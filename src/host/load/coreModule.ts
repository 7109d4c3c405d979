/**
 * Supplies `@azure/functions-core` the way the Node worker does: `Module.prototype.require` is wrapped
 * so that exactly that id returns the host's API object. `@azure/functions` loads the id lazily and
 * caches a failure for good ("test mode"), so {@link installCoreModule} must run before any app code
 * or `@azure/functions` is loaded.
 *
 * The API object is one per process (the library caches it), so it forwards to the app registry that
 * is loading now ({@link attachRegistry}). The programming model is remembered process-wide, because
 * `@azure/functions` calls `setProgrammingModel` only once per loaded copy of the library.
 */
import Module from 'node:module';
import type { CoreFunctionMetadata, FunctionCallback, HookCallback, ProgrammingModel } from './coreTypes';

/** What an app registry receives from the core API. */
export interface CoreSink {
  registerFunction(metadata: CoreFunctionMetadata, callback: FunctionCallback): () => void;
  registerHook(name: string, callback: HookCallback): () => void;
  log(level: string, category: string, message: string): void;
}

export const CORE_MODULE_ID = '@azure/functions-core';
export const WORKER_VERSION = '3.11.0-flowline';
export const HOST_VERSION = '4.1037.0-flowline';

class Disposable {
  #callOnDispose: (() => void) | undefined;
  constructor(callOnDispose: () => void) {
    this.#callOnDispose = callOnDispose;
  }
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    const callback = this.#callOnDispose;
    this.#callOnDispose = undefined;
    callback?.();
  }
}

let activeSink: CoreSink | undefined;
let programmingModel: ProgrammingModel | undefined;
let installed = false;

function sink(member: string): CoreSink {
  if (!activeSink) {
    throw new Error(
      `@azure/functions-core.${member} was called while no Functions app is loaded by the host.`,
    );
  }
  return activeSink;
}

const coreApi = {
  version: WORKER_VERSION,
  get hostVersion(): string {
    return HOST_VERSION;
  },
  Disposable,
  registerFunction(metadata: CoreFunctionMetadata, callback: FunctionCallback): Disposable {
    return new Disposable(sink('registerFunction').registerFunction(metadata, callback));
  },
  registerHook(name: string, callback: HookCallback): Disposable {
    return new Disposable(sink('registerHook').registerHook(name, callback));
  },
  setProgrammingModel(model: ProgrammingModel): void {
    programmingModel = model;
  },
  getProgrammingModel(): ProgrammingModel | undefined {
    return programmingModel;
  },
  log(level: string, category: string, message: string): void {
    if (activeSink) activeSink.log(level, category, message);
    else process.stderr.write(`[${level}] ${message}\n`);
  },
};

/** Idempotent: wraps `require` once per process. */
export function installCoreModule(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with .call below
  const original = Module.prototype.require;
  const wrapped = function (this: NodeJS.Module, id: string): unknown {
    if (id === CORE_MODULE_ID) return coreApi;
    return original.call(this, id);
  };
  Module.prototype.require = Object.assign(wrapped, original) as typeof original;
}

/** Routes registrations and hooks to `registry` until another registry attaches. */
export function attachRegistry(registry: CoreSink): void {
  activeSink = registry;
}

export function detachRegistry(registry: CoreSink): void {
  if (activeSink === registry) activeSink = undefined;
}

export function currentProgrammingModel(): ProgrammingModel | undefined {
  return programmingModel;
}
