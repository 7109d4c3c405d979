/** Turns the new scheduling events of an episode into work items, timers, child instances and messages. */
import type { EngineContext } from '../context';
import { EventType, type HistoryEvent, historyEvent, str } from '../history';
import type { ActivityItem, EpisodeCommit, InstanceRow, NewMessage, TimerItem } from '../store/types';

type Effects = Pick<EpisodeCommit, 'activities' | 'timers' | 'cancelTimers' | 'messages' | 'newInstances'>;

export function workId(row: InstanceRow, taskId: number): string {
  return `${row.instanceId}|${row.executionId}|${taskId}`;
}

export function sideEffects(
  ctx: EngineContext,
  row: InstanceRow,
  events: readonly HistoryEvent[],
  cancelledTimers: readonly number[],
): Effects {
  const activities: ActivityItem[] = [];
  const timers: TimerItem[] = [];
  const messages: NewMessage[] = [];
  const newInstances: InstanceRow[] = [];
  for (const e of events) {
    const id = e.EventId;
    switch (e.EventType) {
      case EventType.TaskScheduled:
        activities.push({
          id: workId(row, id),
          instanceId: row.instanceId,
          executionId: row.executionId,
          taskId: id,
          name: str(e, 'Name') ?? '',
          input: str(e, 'Input') ?? null,
        });
        break;
      case EventType.TimerCreated: {
        const fireAt = str(e, 'FireAt') ?? e.Timestamp;
        timers.push({
          id: workId(row, id),
          instanceId: row.instanceId,
          executionId: row.executionId,
          fireAt,
          event: historyEvent(EventType.TimerFired, fireAt, { TimerId: id, FireAt: fireAt }),
        });
        break;
      }
      case EventType.SubOrchestrationInstanceCreated: {
        const child = str(e, 'InstanceId') ?? '';
        const name = str(e, 'Name') ?? '';
        const input = str(e, 'Input') ?? null;
        const executionId = ctx.newGuid();
        newInstances.push({
          instanceId: child,
          name,
          executionId,
          status: 'Pending',
          input,
          output: null,
          customStatus: null,
          createdAt: e.Timestamp,
          updatedAt: e.Timestamp,
          parentInstanceId: row.instanceId,
        });
        messages.push({
          target: child,
          executionId,
          event: historyEvent(EventType.ExecutionStarted, e.Timestamp, {
            OrchestrationInstance: { InstanceId: child, ExecutionId: executionId },
            ParentInstance: {
              Name: row.name,
              Version: '',
              TaskScheduleId: id,
              OrchestrationInstance: { InstanceId: row.instanceId, ExecutionId: row.executionId },
            },
            Name: name,
            Version: str(e, 'Version') ?? '',
            Input: input,
          }),
        });
        break;
      }
      case EventType.EventSent:
        messages.push({
          target: str(e, 'InstanceId') ?? '',
          executionId: null,
          event: historyEvent(EventType.EventRaised, e.Timestamp, {
            Name: str(e, 'Name') ?? 'op',
            Input: str(e, 'Input') ?? null,
          }),
        });
        break;
      default:
        break;
    }
  }
  return {
    activities,
    timers,
    cancelTimers: cancelledTimers.map((id) => workId(row, id)),
    messages,
    newInstances,
  };
}
