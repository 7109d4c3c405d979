/**
 * What one app registered through `@azure/functions-core`: functions (keyed by `functionId`, which
 * defaults to the name) and hooks. Mirrors the worker's rules: a duplicate id is rejected, and no
 * function may be registered once the app has started (indexing is locked).
 */
import type { LoadedFunction } from '../extension';
import type { CoreSink } from './coreModule';
import type { CoreFunctionMetadata, FunctionCallback, HookCallback, HookName } from './coreTypes';

export interface RegisteredFunction {
  readonly metadata: CoreFunctionMetadata;
  readonly callback: FunctionCallback;
  readonly loaded: LoadedFunction;
}

const HOOK_NAMES: readonly HookName[] = [
  'preInvocation',
  'postInvocation',
  'appStart',
  'appTerminate',
  'log',
];

export class AppRegistry implements CoreSink {
  readonly functions = new Map<string, RegisteredFunction>();
  readonly #hooks = new Map<HookName, HookCallback[]>();
  #locked = false;
  /** Entry-point file being loaded, named in registration errors. */
  currentFile: string | undefined;

  constructor(
    private readonly logSink: (level: string, category: string, message: string) => void,
    private readonly appHookData: Record<string, unknown> = {},
  ) {}

  registerFunction(metadata: CoreFunctionMetadata, callback: FunctionCallback): () => void {
    if (this.#locked) {
      throw new Error(
        `Function "${metadata.name}" was registered after the app started. Register every function at the top level of an entry-point file.`,
      );
    }
    const id = metadata.functionId ?? metadata.name;
    if (!id) throw new Error('registerFunction: metadata.name is required.');
    if (this.functions.has(id)) {
      throw new Error(
        `A function with the id "${id}" has already been registered${this.currentFile ? ` (while loading ${this.currentFile})` : ''}. Function names must be unique within an app: rename one of them.`,
      );
    }
    this.functions.set(id, { metadata, callback, loaded: toLoadedFunction(metadata) });
    return () => {
      if (this.#locked) throw new Error(`Cannot dispose function "${id}" after the app started.`);
      this.functions.delete(id);
    };
  }

  registerHook(name: string, callback: HookCallback): () => void {
    const hookName = HOOK_NAMES.find((h) => h === name);
    if (!hookName) {
      throw new RangeError(`Unrecognized hook "${name}". Valid hooks: ${HOOK_NAMES.join(', ')}.`);
    }
    const list = this.#hooks.get(hookName) ?? [];
    list.push(callback);
    this.#hooks.set(hookName, list);
    return () => {
      const index = list.indexOf(callback);
      if (index >= 0) list.splice(index, 1);
    };
  }

  hooks(name: HookName): readonly HookCallback[] {
    return [...(this.#hooks.get(name) ?? [])];
  }

  /** Runs the hooks of `name` one after the other, in registration order (like the worker). */
  async runHooks(name: HookName, context: object): Promise<void> {
    for (const hook of this.hooks(name)) await hook(context);
  }

  /** `@azure/functions-core` `log` outside an invocation. */
  log(level: string, category: string, message: string): void {
    this.emitLog(level, category, message, 'Host', undefined);
  }

  /**
   * Runs the `log` hooks, which may change `level` and `message` (e.g. to redact secrets), then writes
   * the line. Hooks run synchronously, as in the worker; a hook that throws is reported, not rethrown.
   */
  emitLog(level: string, category: string, message: string, where: string, invocationContext: unknown): void {
    const context = {
      hookData: {},
      appHookData: this.appHookData,
      level,
      category,
      message,
      invocationContext,
    };
    for (const hook of this.hooks('log')) {
      try {
        void hook(context);
      } catch (error) {
        this.logSink(
          'warning',
          'Host',
          `A log hook threw: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    this.logSink(context.level, where, context.message);
  }

  lock(): void {
    this.#locked = true;
  }
}

const TRIGGER = /trigger$/i;

function toLoadedFunction(metadata: CoreFunctionMetadata): LoadedFunction {
  const triggers = Object.entries(metadata.bindings ?? {}).filter(([, b]) => TRIGGER.test(b.type));
  const [first, ...others] = triggers;
  if (!first || others.length > 0) {
    throw new Error(
      `Function "${metadata.name}" must have exactly one trigger binding, found ${triggers.length}${triggers.length ? ` (${triggers.map(([n]) => n).join(', ')})` : ''}.`,
    );
  }
  const [triggerBindingName, trigger] = first;
  const retryOptions =
    metadata.retryOptions && typeof metadata.retryOptions === 'object'
      ? (metadata.retryOptions as Readonly<Record<string, unknown>>)
      : undefined;
  return {
    name: metadata.name,
    bindings: metadata.bindings,
    triggerBindingName,
    triggerType: trigger.type,
    ...(retryOptions ? { retryOptions } : {}),
  };
}
