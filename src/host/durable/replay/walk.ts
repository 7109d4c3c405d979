/**
 * Walks the orchestrator's action list the way the extension's OutOfProcOrchestrationShim does for
 * schema V2+: invoke an action, await it (swallowing its failure), then the next one.
 */
import { type Action, ActionType, actionTypeOf } from './actions';
import { callHttp } from './http';
import { withRetry } from './retry';
import type { ShadowContext } from './shadowContext';
import { OK, ShadowTask } from './task';
import { createTimer } from './timers';

export interface Walk {
  /** True once every action was invoked and the last one finished. */
  readonly atEnd: boolean;
  start(): void;
}

export function walkActions(ctx: ShadowContext, actions: readonly Action[]): Walk {
  /** Tasks by the JSON of their action, to spot a pending task yielded again (durable-js #574). */
  const invoked = new Map<string, ShadowTask[]>();
  const state = { atEnd: false };

  const invoke = (action: Action, inCompound: boolean): ShadowTask => {
    const json = JSON.stringify(action);
    const same = invoked.get(json) ?? [];
    if (inCompound) {
      if (same.some((t) => !t.done))
        ctx.options.warn(
          `durable-js #574: a pending task was yielded again inside a new Task.any/Task.all, so its action ` +
            `${describe(action)} is scheduled a second time (as on Azure). Yield the pending task alone instead.`,
        );
    }
    const task = invokeOne(action);
    invoked.set(json, [...same, task]);
    return task;
  };

  const invokeOne = (action: Action): ShadowTask => {
    const name = action.functionName ?? '';
    switch (actionTypeOf(action)) {
      case ActionType.CallActivity:
        return ctx.activity(name, activityInput(action.input));
      case ActionType.CallActivityWithRetry:
        return withRetry(ctx, action, () => ctx.activity(name, activityInput(action.input)));
      case ActionType.CallSubOrchestrator:
        return ctx.subOrchestration(name, action.instanceId, action.input, action.version);
      case ActionType.CallSubOrchestratorWithRetry:
        return withRetry(ctx, action, () =>
          ctx.subOrchestration(name, action.instanceId, action.input, action.version),
        );
      case ActionType.ContinueAsNew:
        ctx.continueAsNew = { input: action.input };
        return ShadowTask.settled(OK);
      case ActionType.CreateTimer:
        return createTimer(ctx, action.fireAt ?? ctx.now, action.isCanceled === true);
      case ActionType.WaitForExternalEvent:
        return ctx.waitForEvent(action.externalEventName ?? '');
      case ActionType.CallEntity:
        return ctx.entityMessage(action.instanceId ?? '', action.operation ?? '', action.input, false);
      case ActionType.SignalEntity:
        return ctx.entityMessage(action.instanceId ?? '', action.operation ?? '', action.input, true);
      case ActionType.CallHttp:
        return callHttp(ctx, action.httpRequest ?? {});
      case ActionType.WhenAll:
        return whenAll((action.compoundActions ?? []).map((a) => invoke(a, true)));
      case ActionType.WhenAny:
        return whenAny((action.compoundActions ?? []).map((a) => invoke(a, true)));
      default:
        throw new Error(
          `The orchestrator sent action ${describe(action)}, which the embedded host does not support ` +
            `(entity locks and scheduled signals need schema V4).`,
        );
    }
  };

  const step = (index: number): void => {
    const action = actions[index];
    if (!action) {
      state.atEnd = true;
      return;
    }
    invoke(action, false).then(() => step(index + 1));
  };

  return {
    get atEnd() {
      return state.atEnd;
    },
    start: () => step(0),
  };
}

/** The SDK already JSON-encoded string inputs (`processInput`); anything else is encoded here. */
function activityInput(input: unknown): string | null {
  if (input === undefined) return null;
  return typeof input === 'string' ? input : JSON.stringify(input);
}

/** .NET `Task.WhenAll`: completes when every child completed, even after one failed. */
function whenAll(children: readonly ShadowTask[]): ShadowTask {
  const all = new ShadowTask();
  let left = children.length;
  if (left === 0) all.settle(OK);
  for (const child of children)
    child.then(() => {
      left -= 1;
      if (left > 0) return;
      const failed = children.map((c) => c.outcome).find((o) => o && !o.ok);
      all.settle(failed ?? OK);
    });
  return all;
}

function whenAny(children: readonly ShadowTask[]): ShadowTask {
  const any = new ShadowTask();
  for (const child of children) child.then(() => any.settle(OK));
  return any;
}

function describe(action: Action): string {
  const target = action.functionName ?? action.operation ?? action.externalEventName ?? '';
  return `${String(action.actionType)}${target ? ` '${target}'` : ''}`;
}
