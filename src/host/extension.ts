/**
 * The seam between the embedded Functions host (loading, invocation, HTTP, timers) and the
 * extensions that add trigger kinds to it (the Durable Task emulation). The host knows nothing
 * about workflows; an extension knows nothing about HTTP routing or module loading.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One `RpcTypedData` value as the Node worker receives it (exactly one field set). */
export type RpcTypedData =
  | { string: string }
  | { json: string }
  | { bytes: Uint8Array }
  | { int: number }
  | { double: number }
  | { http: Record<string, unknown> };

export interface RpcBindingInfo {
  readonly type: string;
  readonly direction: 'in' | 'out' | 'inout';
  readonly [option: string]: unknown;
}

/** A function the app registered through `registerFunction`. */
export interface LoadedFunction {
  readonly name: string;
  readonly bindings: Readonly<Record<string, RpcBindingInfo>>;
  /** Key of the trigger binding in `bindings` (the name to use in `inputData`). */
  readonly triggerBindingName: string;
  /** Trigger type as registered, e.g. `httpTrigger`, `orchestrationTrigger`. */
  readonly triggerType: string;
  /**
   * Function-level retry policy as registered (`{retryStrategy: 'fixedDelay'|'exponentialBackoff',
   * maxRetryCount, delayInterval?, minimumInterval?, maximumInterval?}`, durations as `{seconds}`).
   */
  readonly retryOptions?: Readonly<Record<string, unknown>>;
}

export interface InvocationRequest {
  /** Trigger value and any extra inputs the caller already resolved, keyed by binding name. */
  readonly inputData: readonly { readonly name: string; readonly data: RpcTypedData | null }[];
  readonly triggerMetadata?: Readonly<Record<string, RpcTypedData>>;
  readonly traceContext?: { readonly traceParent: string; readonly traceState?: string };
  /** Set by the host when it retries a function under its retry policy (retryCount 0 = first attempt). */
  readonly retryContext?: {
    readonly retryCount: number;
    readonly maxRetryCount: number;
    readonly exception?: { readonly message?: string; readonly stackTrace?: string };
  };
}

export type InvocationResult =
  | {
      readonly ok: true;
      readonly returnValue?: RpcTypedData | null;
      readonly outputData: readonly { name: string; data: RpcTypedData | null }[];
    }
  /** `message` is the error message only; `failureText` is the worker's `Result: Failure\nException: ...\nStack: ...` form. */
  | { readonly ok: false; readonly message: string; readonly stack?: string; readonly failureText: string };

/** What the host offers to extensions. */
export interface FunctionsRuntime {
  readonly functions: ReadonlyMap<string, LoadedFunction>;
  /** Runs one invocation through the real `@azure/functions` InvocationModel, hooks included. */
  invoke(functionName: string, request: InvocationRequest): Promise<InvocationResult>;
  log(
    level: 'trace' | 'debug' | 'information' | 'warning' | 'error',
    category: string,
    message: string,
  ): void;
}

export interface HostEnvironment {
  /** Absolute folder of the Functions app (where package.json and host.json are). */
  readonly appDir: string;
  /** Parsed host.json (empty object when absent). */
  readonly hostJson: Readonly<Record<string, unknown>>;
  /** Public origin of the main listener, e.g. `http://localhost:7071`. */
  readonly origin: string;
  /** SQLite file path, or `memory`. */
  readonly store: string;
  /**
   * With `--require-keys`: the system key of that name (e.g. `durabletask_extension`), created on first
   * use and stored in `<appDir>/.flowline/keys.json`. Undefined when keys are not enforced (the default).
   */
  readonly systemKey?: (name: string) => string | undefined;
}

export interface HostExtension {
  readonly name: string;
  /** Trigger binding types this extension dispatches (not HTTP-routable). */
  readonly triggerTypes: readonly string[];
  /** Value of a non-trigger input binding of a type this extension owns (e.g. `durableClient`), per invocation. */
  inputBindingValue?(bindingType: string, fn: LoadedFunction): RpcTypedData | undefined;
  /** Gets first look at every HTTP request on the main port; return true when it answered. */
  handleHttp?(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  start(runtime: FunctionsRuntime, env: HostEnvironment): Promise<void>;
  /**
   * Graceful stop: finish or hand back in-flight work so nothing is lost. `deadline` (epoch ms) is
   * when the host stops waiting: work still running then is abandoned and must be safe to redo.
   */
  stop(deadline?: number): Promise<void>;
}
