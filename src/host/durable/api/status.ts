/** Status payloads (protocol notes 3.3): the instance row plus, on request, the formatted history. */
import { EVENT_TYPE_NAMES, EventType, type HistoryEvent, num } from '../history';
import { parseJson } from '../replay/outcomes';
import type { InstanceRow } from '../store/types';

export interface StatusOptions {
  readonly showInput: boolean;
  readonly showHistory: boolean;
  readonly showHistoryOutput: boolean;
}

/** `yyyy-MM-ddTHH:mm:ssZ`: whole seconds, as the extension formats them. */
export function wholeSeconds(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

export function statusPayload(
  row: InstanceRow,
  history: readonly HistoryEvent[] | undefined,
  options: StatusOptions,
): Record<string, unknown> {
  return {
    name: row.name,
    instanceId: row.instanceId,
    runtimeStatus: row.status,
    input: options.showInput ? (parseJson(row.input) ?? null) : null,
    customStatus: parseJson(row.customStatus) ?? null,
    output: parseJson(row.output) ?? null,
    createdTime: wholeSeconds(row.createdAt),
    lastUpdatedTime: wholeSeconds(row.updatedAt),
    ...(options.showHistory && history ? { historyEvents: formatHistory(history, options) } : {}),
  };
}

const SCHEDULED_FOR: Readonly<Record<number, number>> = {
  [EventType.TaskCompleted]: EventType.TaskScheduled,
  [EventType.TaskFailed]: EventType.TaskScheduled,
  [EventType.SubOrchestrationInstanceCompleted]: EventType.SubOrchestrationInstanceCreated,
  [EventType.SubOrchestrationInstanceFailed]: EventType.SubOrchestrationInstanceCreated,
};

const DROPPED = new Set<number>([
  EventType.TaskScheduled,
  EventType.SubOrchestrationInstanceCreated,
  EventType.OrchestratorStarted,
  EventType.OrchestratorCompleted,
]);

/** The extension's history view: names for types, completions merged with what they complete. */
export function formatHistory(
  history: readonly HistoryEvent[],
  options: StatusOptions,
): Record<string, unknown>[] {
  const scheduled = new Map<string, HistoryEvent>();
  for (const e of history)
    if (e.EventType === EventType.TaskScheduled || e.EventType === EventType.SubOrchestrationInstanceCreated)
      scheduled.set(`${e.EventType}:${e.EventId}`, e);
  const out: Record<string, unknown>[] = [];
  for (const e of history) {
    if (DROPPED.has(e.EventType)) continue;
    const { EventType: type, EventId: _id, IsPlayed: _played, TimerId: _timer, Name, Result, ...rest } = e;
    const item: Record<string, unknown> = { EventType: EVENT_TYPE_NAMES[type] ?? String(type), ...rest };
    if (type === EventType.ExecutionStarted) {
      item['FunctionName'] = Name;
      if (!options.showInput) delete item['Input'];
    } else if (Name !== undefined) item['Name'] = Name;
    const pairType = SCHEDULED_FOR[type];
    if (pairType !== undefined) {
      const source = scheduled.get(`${pairType}:${num(e, 'TaskScheduledId') ?? -1}`);
      if (source) {
        item['FunctionName'] = source['Name'];
        item['ScheduledTime'] = source.Timestamp;
        if (options.showInput) item['Input'] = source['Input'];
      }
    }
    if (type === EventType.ExecutionCompleted) {
      const code = num(e, 'OrchestrationStatus');
      item['OrchestrationStatus'] = [
        'Running',
        'Completed',
        'ContinuedAsNew',
        'Failed',
        'Canceled',
        'Terminated',
        'Pending',
        'Suspended',
      ][code ?? 0];
    }
    if (options.showHistoryOutput && Result !== undefined) item['Result'] = Result;
    out.push(item);
  }
  return out;
}
