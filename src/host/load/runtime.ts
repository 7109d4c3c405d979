/**
 * The host's {@link FunctionsRuntime}: invokes registered functions through the real programming model.
 * Non-trigger input bindings the caller did not supply are resolved by asking the extensions.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  FunctionsRuntime,
  HostExtension,
  InvocationRequest,
  InvocationResult,
  LoadedFunction,
  RpcTypedData,
} from '../extension';
import type { Clock } from '../clock';
import { formatTimeSpan } from '../timeSpan';
import type { CoreInvocationRequest, ProgrammingModel } from './coreTypes';
import { toFailure } from './failure';
import { runInvocation } from './invoke';
import type { AppRegistry } from './registry';

export type HostLog = (level: string, category: string, message: string) => void;

export interface RuntimeLimits {
  readonly functionTimeoutMs?: number | undefined;
  readonly clock?: Clock;
}

export class Runtime implements FunctionsRuntime {
  readonly functions: ReadonlyMap<string, LoadedFunction>;
  #inFlight = new Set<Promise<InvocationResult>>();

  constructor(
    private readonly registry: AppRegistry,
    private readonly programmingModel: ProgrammingModel | undefined,
    private readonly extensions: readonly HostExtension[],
    readonly appHookData: Record<string, unknown>,
    private readonly logSink: HostLog,
    private readonly limits: RuntimeLimits = {},
  ) {
    this.functions = new Map([...registry.functions].map(([id, f]) => [id, f.loaded]));
  }

  invoke(functionName: string, request: InvocationRequest): Promise<InvocationResult> {
    const running = this.#invoke(functionName, request);
    this.#inFlight.add(running);
    void running.finally(() => this.#inFlight.delete(running));
    return this.#withTimeout(functionName, running);
  }

  /**
   * host.json `functionTimeout`: the invocation fails with the host's timeout message when it runs too
   * long. JavaScript cannot be cancelled, so the handler keeps running; shutdown still waits for it.
   */
  #withTimeout(functionName: string, running: Promise<InvocationResult>): Promise<InvocationResult> {
    const { functionTimeoutMs, clock } = this.limits;
    if (functionTimeoutMs === undefined || !clock) return running;
    return new Promise((resolve) => {
      const timer = clock.setTimer(new Date(clock.now().getTime() + functionTimeoutMs), () => {
        const text = formatTimeSpan(functionTimeoutMs);
        this.logSink(
          'error',
          'Host',
          `Timeout value of ${text} exceeded by function 'Functions.${functionName}'.`,
        );
        resolve(
          toFailure(
            new Error(`Timeout value of ${text} was exceeded by function: Functions.${functionName}`),
          ),
        );
      });
      void running.then((result) => {
        timer.cancel();
        resolve(result);
      });
    });
  }

  log(
    level: 'trace' | 'debug' | 'information' | 'warning' | 'error',
    category: string,
    message: string,
  ): void {
    this.logSink(level, category, message);
  }

  /** Resolves when every invocation running now has finished (used by graceful shutdown). */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  get inFlightCount(): number {
    return this.#inFlight.size;
  }

  async #invoke(functionName: string, request: InvocationRequest): Promise<InvocationResult> {
    const fn = this.registry.functions.get(functionName);
    if (!fn) {
      const known = [...this.registry.functions.keys()].join(', ') || 'none';
      return toFailure(new Error(`Function '${functionName}' is not registered (registered: ${known}).`));
    }
    if (!this.programmingModel) return toFailure(new Error('No programming model was set by the app.'));
    const inputData = [...request.inputData].map((i) => ({ name: i.name, data: i.data }));
    for (const [name, binding] of Object.entries(fn.loaded.bindings)) {
      if (binding.direction !== 'in' || name === fn.loaded.triggerBindingName) continue;
      if (inputData.some((i) => i.name === name)) continue;
      let value: RpcTypedData | undefined;
      try {
        value = this.#inputBindingValue(binding.type, fn.loaded);
      } catch (error) {
        return toFailure(
          new Error(
            `Resolving input binding '${name}' (${binding.type}) of '${functionName}' failed: ${String(error)}`,
            {
              cause: error,
            },
          ),
        );
      }
      if (value !== undefined) inputData.push({ name, data: value });
    }
    const coreRequest: CoreInvocationRequest = {
      invocationId: randomUUID(),
      functionId: functionName,
      inputData,
      triggerMetadata: { ...(request.triggerMetadata ?? {}) },
      traceContext: {
        traceParent: request.traceContext?.traceParent ?? newTraceParent(),
        traceState: request.traceContext?.traceState ?? '',
        attributes: {},
      },
      ...(request.retryContext ? { retryContext: request.retryContext } : {}),
    };
    return runInvocation(
      {
        registry: this.registry,
        programmingModel: this.programmingModel,
        appHookData: this.appHookData,
        log: this.logSink,
      },
      fn,
      coreRequest,
    );
  }

  #inputBindingValue(type: string, fn: LoadedFunction): RpcTypedData | undefined {
    for (const extension of this.extensions) {
      const value = extension.inputBindingValue?.(type, fn);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

/** W3C trace parent, as the host sends for every invocation. */
function newTraceParent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}
