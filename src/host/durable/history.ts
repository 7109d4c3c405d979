/**
 * DurableTask.Core history events as the Durable extension serializes them for the JavaScript SDK:
 * PascalCase fields, numeric `EventType`, ISO timestamps (protocol notes 2.2).
 */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventSent: 14,
  EventRaised: 15,
  ContinueAsNew: 16,
  GenericEvent: 17,
  HistoryState: 18,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export const EVENT_TYPE_NAMES: readonly string[] = Object.keys(EventType);

export interface HistoryEvent {
  readonly EventType: number;
  readonly EventId: number;
  IsPlayed: boolean;
  readonly Timestamp: string;
  readonly [field: string]: unknown;
}

export function historyEvent(
  type: number,
  timestamp: string,
  fields: Record<string, unknown> = {},
  eventId = -1,
): HistoryEvent {
  return { EventType: type, EventId: eventId, IsPlayed: false, Timestamp: timestamp, ...fields };
}

/** DTFx `OrchestrationStatus` values, as written in `ExecutionCompleted.OrchestrationStatus`. */
export const OrchestrationStatusCode: Readonly<Record<string, number>> = {
  Running: 0,
  Completed: 1,
  ContinuedAsNew: 2,
  Failed: 3,
  Canceled: 4,
  Terminated: 5,
  Pending: 6,
  Suspended: 7,
};

export type RuntimeStatus =
  'Pending' | 'Running' | 'Completed' | 'ContinuedAsNew' | 'Failed' | 'Canceled' | 'Terminated' | 'Suspended';

export const TERMINAL_STATUSES: readonly RuntimeStatus[] = ['Completed', 'Failed', 'Terminated', 'Canceled'];

export function isTerminal(status: RuntimeStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function str(event: HistoryEvent, field: string): string | undefined {
  const value = event[field];
  return typeof value === 'string' ? value : undefined;
}

export function num(event: HistoryEvent, field: string): number | undefined {
  const value = event[field];
  return typeof value === 'number' ? value : undefined;
}

/** Timestamp of the last OrchestratorStarted among `events` (the episode's "now"). */
export function nowOf(events: readonly HistoryEvent[]): string {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e && e.EventType === EventType.OrchestratorStarted) return e.Timestamp;
  }
  return events[events.length - 1]?.Timestamp ?? new Date(0).toISOString();
}
