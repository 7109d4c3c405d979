/**
 * Ends an execution: Completed, Failed, Terminated, or continued as new; tells a parent
 * orchestration how its sub-orchestration ended.
 */
import type { EngineContext } from '../context';
import { EventType, type HistoryEvent, OrchestrationStatusCode, historyEvent, nowOf } from '../history';
import type { EpisodeCommit, NewMessage } from '../store/types';

export type Ending =
  | { readonly kind: 'Completed'; readonly output: unknown }
  | { readonly kind: 'Failed'; readonly reason: string }
  | { readonly kind: 'Terminated'; readonly reason: string }
  | {
      readonly kind: 'ContinuedAsNew';
      readonly input: unknown;
      readonly carriedOver: readonly HistoryEvent[];
    };

interface ParentRef {
  readonly TaskScheduleId: number;
  readonly OrchestrationInstance: { readonly InstanceId: string; readonly ExecutionId: string };
}

export function finish(
  ctx: EngineContext,
  commit: EpisodeCommit,
  past: readonly HistoryEvent[],
  fresh: readonly HistoryEvent[],
  ending: Ending,
): EpisodeCommit {
  const now = nowOf(fresh);
  const row = commit.instance;
  if (ending.kind === 'ContinuedAsNew') {
    const executionId = ctx.newGuid();
    const input =
      ending.input === undefined
        ? null
        : typeof ending.input === 'string'
          ? ending.input
          : JSON.stringify(ending.input);
    const started = [...past, ...fresh].find((e) => e.EventType === EventType.ExecutionStarted);
    const start: NewMessage = {
      target: row.instanceId,
      executionId,
      event: historyEvent(EventType.ExecutionStarted, now, {
        ...(started ?? {}),
        OrchestrationInstance: { InstanceId: row.instanceId, ExecutionId: executionId },
        Input: input,
        Generation: Number(started?.['Generation'] ?? 0) + 1,
      }),
    };
    const carried: NewMessage[] = ending.carriedOver.map((event) => ({
      target: row.instanceId,
      executionId,
      event: { ...event, IsPlayed: false },
    }));
    const replayed = ending.carriedOver.filter((e) => past.includes(e));
    for (const e of replayed)
      ctx.log(
        'warning',
        `Instance ${row.instanceId}: extension #2606: event '${String(e['Name'])}' from an earlier episode was ` +
          `replayed after continueAsNew was registered and is carried into the next execution again (as on Azure). ` +
          `Do not cancel a timer and continue as new in the same step after Task.any.`,
      );
    return {
      ...commit,
      instance: { ...row, executionId, status: 'Running', input, output: null },
      resetHistory: true,
      append: [],
      activities: [],
      timers: [],
      messages: [...commit.messages, start, ...carried],
    };
  }
  const result = ending.kind === 'Completed' ? JSON.stringify(ending.output ?? null) : ending.reason;
  const completed = historyEvent(EventType.ExecutionCompleted, now, {
    OrchestrationStatus: OrchestrationStatusCode[ending.kind],
    Result: result,
    FailureDetails:
      ending.kind === 'Failed' ? { ErrorType: 'OrchestrationFailure', ErrorMessage: ending.reason } : null,
  });
  const output = ending.kind === 'Completed' ? result : JSON.stringify(ending.reason);
  const messages = [...commit.messages];
  const parent = parentOf([...past, ...fresh]);
  if (parent) messages.push(parentMessage(parent, ending, result, now));
  return {
    ...commit,
    instance: { ...row, status: ending.kind, output },
    append: [...fresh, completed, historyEvent(EventType.OrchestratorCompleted, now)],
    messages,
  };
}

function parentOf(events: readonly HistoryEvent[]): ParentRef | undefined {
  const started = events.find((e) => e.EventType === EventType.ExecutionStarted);
  const parent = started?.['ParentInstance'] as ParentRef | null | undefined;
  return parent ?? undefined;
}

function parentMessage(parent: ParentRef, ending: Ending, result: string, now: string): NewMessage {
  const fields =
    ending.kind === 'Completed'
      ? { TaskScheduledId: parent.TaskScheduleId, Result: result }
      : { TaskScheduledId: parent.TaskScheduleId, Reason: result, Details: result };
  const type =
    ending.kind === 'Completed'
      ? EventType.SubOrchestrationInstanceCompleted
      : EventType.SubOrchestrationInstanceFailed;
  return {
    target: parent.OrchestrationInstance.InstanceId,
    executionId: parent.OrchestrationInstance.ExecutionId,
    event: historyEvent(type, now, fields),
  };
}
