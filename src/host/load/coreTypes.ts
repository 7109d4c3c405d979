/**
 * The slice of the `@azure/functions-core` API (the Node worker's in-process surface) that
 * `@azure/functions` 4.x uses. Declared here because `@azure/functions-core` is not an npm package:
 * the worker, and this host, supply it at run time.
 */
import type { InvocationRequest, RpcBindingInfo, RpcTypedData } from '../extension';

export interface CoreFunctionMetadata {
  readonly name: string;
  readonly functionId?: string;
  readonly bindings: Record<string, RpcBindingInfo>;
  readonly retryOptions?: unknown;
}

export type FunctionCallback = (...args: unknown[]) => unknown;

export type HookName = 'preInvocation' | 'postInvocation' | 'appStart' | 'appTerminate' | 'log';
export type HookCallback = (context: object) => unknown;

/** `RpcInvocationRequest` as the worker hands it to the programming model. */
export interface CoreInvocationRequest {
  readonly invocationId: string;
  readonly functionId: string;
  readonly inputData: { name: string; data: RpcTypedData | null }[];
  readonly triggerMetadata: Record<string, RpcTypedData>;
  readonly traceContext: { traceParent: string; traceState: string; attributes: Record<string, string> };
  readonly retryContext?: InvocationRequest['retryContext'];
}

export type InvocationState = 'preInvocationHooks' | 'postInvocationHooks' | 'invocation';

export interface CoreInvocationContext {
  readonly invocationId: string;
  readonly request: CoreInvocationRequest;
  readonly metadata: CoreFunctionMetadata;
  state?: InvocationState | undefined;
  log(level: string, category: string, message: string): void;
}

export interface CoreInvocationResponse {
  readonly invocationId: string;
  readonly outputData?: { name: string; data: RpcTypedData | null | undefined }[];
  readonly returnValue?: RpcTypedData | null;
}

export interface CoreInvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<CoreInvocationResponse>;
}

export interface ProgrammingModel {
  readonly name: string;
  readonly version: string;
  getInvocationModel(context: CoreInvocationContext): CoreInvocationModel | Promise<CoreInvocationModel>;
  getCapabilities(capabilities: Record<string, string>): Promise<Record<string, string>>;
}
