/**
 * One invocation, step for step like the Node worker's InvocationHandler: the programming model builds
 * the arguments, preInvocation hooks may swap inputs and handler, the handler runs, postInvocation
 * hooks may change result or error, and the model converts the result to RPC form.
 */
import type { InvocationResult } from '../extension';
import type {
  CoreInvocationContext,
  CoreInvocationRequest,
  InvocationState,
  ProgrammingModel,
} from './coreTypes';
import { toFailure } from './failure';
import type { AppRegistry, RegisteredFunction } from './registry';

export interface InvocationDeps {
  readonly registry: AppRegistry;
  readonly programmingModel: ProgrammingModel;
  /** Shared by every hook of the app (`appHookData`). */
  readonly appHookData: Record<string, unknown>;
  readonly log: (level: string, category: string, message: string) => void;
}

export async function runInvocation(
  deps: InvocationDeps,
  fn: RegisteredFunction,
  request: CoreInvocationRequest,
): Promise<InvocationResult> {
  const category = `Function.${fn.metadata.name}`;
  const coreCtx: CoreInvocationContext = {
    invocationId: request.invocationId,
    request,
    metadata: fn.metadata,
    state: undefined,
    log: (level, logCategory, message) => {
      const where = logCategory === 'user' ? `${category}.User` : category;
      deps.registry.emitLog(level, logCategory, message, where, invocationContext);
    },
  };
  let invocationContext: unknown;
  const name = `Functions.${fn.metadata.name}`;
  const started = performance.now();
  deps.log('information', category, `Executing '${name}' (Id=${request.invocationId})`);
  try {
    const model = await deps.programmingModel.getInvocationModel(coreCtx);
    const { context, inputs } = await model.getArguments();
    invocationContext = context;
    const hookData: Record<string, unknown> = {};
    const pre = {
      hookData,
      appHookData: deps.appHookData,
      invocationContext: context,
      functionCallback: fn.callback,
      inputs,
    };
    await withState(coreCtx, 'preInvocationHooks', () => deps.registry.runHooks('preInvocation', pre));
    const post = {
      hookData,
      appHookData: deps.appHookData,
      invocationContext: context,
      inputs: pre.inputs,
      result: null as unknown,
      error: null as unknown,
    };
    coreCtx.state = 'invocation';
    try {
      post.result = await model.invokeFunction(context, pre.inputs, pre.functionCallback);
    } catch (error) {
      post.error = error;
    } finally {
      coreCtx.state = undefined;
    }
    await withState(coreCtx, 'postInvocationHooks', () => deps.registry.runHooks('postInvocation', post));
    // The worker rethrows whatever the handler threw (it need not be an Error); toFailure describes it.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (post.error !== null && post.error !== undefined) throw post.error;
    const response = await model.getResponse(context, post.result);
    const duration = Math.round(performance.now() - started);
    deps.log(
      'information',
      category,
      `Executed '${name}' (Succeeded, Id=${request.invocationId}, Duration=${duration}ms)`,
    );
    return {
      ok: true,
      returnValue: response.returnValue,
      outputData: (response.outputData ?? []).map((o) => ({ name: o.name, data: o.data ?? null })),
    };
  } catch (error) {
    const failure = toFailure(error);
    deps.log(
      'error',
      category,
      `Executed '${name}' (Failed, Id=${request.invocationId}, Duration=${Math.round(performance.now() - started)}ms)\n${failure.failureText}`,
    );
    return failure;
  }
}

async function withState(
  ctx: CoreInvocationContext,
  state: InvocationState,
  run: () => Promise<void>,
): Promise<void> {
  ctx.state = state;
  try {
    await run();
  } finally {
    ctx.state = undefined;
  }
}
