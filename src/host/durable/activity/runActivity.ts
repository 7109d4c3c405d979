/**
 * Runs one activity work item through the real invocation model and turns its result into
 * TaskCompleted or TaskFailed with the extension's Reason/Details format (protocol notes 4.1).
 */
import { type EngineContext, findFunction, nowIso } from '../context';
import type { RpcTypedData } from '../../extension';
import { EventType, type HistoryEvent, historyEvent } from '../history';
import { HTTP_ACTIVITY } from '../replay/http';
import type { ActivityItem } from '../store/types';
import { runHttpActivity } from './httpActivity';

export async function runActivity(ctx: EngineContext, item: ActivityItem): Promise<void> {
  const event = await execute(ctx, item);
  // False when the host stopped before the store took the result: the work item is still there
  // and runs again after a restart (at-least-once).
  const stored = await ctx.gate.write(() =>
    ctx.store.completeActivity(item.id, { target: item.instanceId, executionId: item.executionId, event }),
  );
  if (stored) ctx.notify(item.instanceId);
}

async function execute(ctx: EngineContext, item: ActivityItem): Promise<HistoryEvent> {
  const completed = (value: unknown): HistoryEvent =>
    historyEvent(EventType.TaskCompleted, nowIso(ctx), {
      TaskScheduledId: item.taskId,
      Result: JSON.stringify(value ?? null),
    });
  const failed = (message: string, stack = ''): HistoryEvent => {
    const details = failureDetails(message);
    const text = details ? details.ErrorMessage : message;
    return historyEvent(EventType.TaskFailed, nowIso(ctx), {
      TaskScheduledId: item.taskId,
      Reason: `Activity function '${item.name}' failed: ${text}`,
      Details: JSON.stringify({ Message: text, StackTrace: details?.StackTrace ?? stack }),
      ...(details ? { FailureDetails: details } : {}),
    });
  };
  if (item.name === HTTP_ACTIVITY) {
    try {
      return completed(await runHttpActivity(item.input));
    } catch (error) {
      return failed((error as Error).message);
    }
  }
  const fn = findFunction(ctx.runtime, 'activityTrigger', item.name);
  if (!fn)
    return failed(`The function '${item.name}' doesn't exist, is disabled, or is not an activity function.`);
  const result = await ctx.runtime.invoke(fn.name, {
    inputData: [{ name: fn.triggerBindingName, data: item.input === null ? null : { string: item.input } }],
    triggerMetadata: {
      instanceId: { string: item.instanceId },
      ...(item.input === null ? {} : { data: { string: item.input } }),
    },
  });
  if (!result.ok) return failed(result.message, result.stack);
  return completed(decode(result.returnValue));
}

/** The value an out-of-process activity returned, as the extension deserializes it. */
export function decode(value: RpcTypedData | null | undefined): unknown {
  if (!value) return null;
  if ('json' in value) return JSON.parse(value.json) as unknown;
  if ('string' in value) return value.string;
  if ('int' in value) return value.int;
  if ('double' in value) return value.double;
  if ('bytes' in value) return Buffer.from(value.bytes).toString('base64');
  return null;
}

interface FailureDetails {
  readonly ErrorType: string;
  readonly ErrorMessage: string;
  readonly StackTrace: string | null;
  readonly IsNonRetriable: boolean;
  readonly Properties: unknown;
}

/** durable-functions 3.5 sends a JSON failure-details payload when an exception-properties provider is set. */
function failureDetails(message: string): FailureDetails | undefined {
  try {
    const parsed = JSON.parse(message) as Record<string, unknown>;
    const { errorType, errorMessage, stackTrace } = parsed;
    if (typeof errorType !== 'string' || typeof errorMessage !== 'string') return undefined;
    return {
      ErrorType: errorType,
      ErrorMessage: errorMessage,
      StackTrace: typeof stackTrace === 'string' ? stackTrace : null,
      IsNonRetriable: parsed['isNonRetriable'] === true,
      Properties: parsed['properties'] ?? null,
    };
  } catch {
    return undefined;
  }
}
