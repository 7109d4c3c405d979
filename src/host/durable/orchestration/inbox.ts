/**
 * Sorts an instance's pending messages into this episode's events: control messages (terminate,
 * suspend, resume) change the status; while suspended, other messages wait in the inbox.
 */
import { EventType, type HistoryEvent, type RuntimeStatus, isTerminal, str } from '../history';
import type { InstanceRow, Message } from '../store/types';

export interface InboxBatch {
  readonly consumed: number[];
  /** Events to append after this episode's OrchestratorStarted. */
  readonly events: HistoryEvent[];
  /** Any event the orchestrator must see (not only suspend/resume bookkeeping). */
  readonly needsOrchestrator: boolean;
  readonly terminateReason: string | undefined;
  readonly status: RuntimeStatus;
}

export function takeInbox(row: InstanceRow, messages: readonly Message[]): InboxBatch {
  const consumed: number[] = [];
  const events: HistoryEvent[] = [];
  let deferred: Message[] = [];
  let status = row.status;
  let terminateReason: string | undefined;
  let needsOrchestrator = false;
  const take = (m: Message): void => {
    consumed.push(m.seq);
    events.push(m.event);
    needsOrchestrator = true;
  };
  for (const m of messages) {
    const stale = m.executionId !== null && m.executionId !== row.executionId;
    if (stale || isTerminal(status) || terminateReason !== undefined) {
      consumed.push(m.seq);
      continue;
    }
    switch (m.event.EventType) {
      case EventType.ExecutionTerminated:
        consumed.push(m.seq);
        terminateReason = str(m.event, 'Input') ?? '';
        break;
      case EventType.ExecutionSuspended:
        consumed.push(m.seq);
        if (status !== 'Suspended') {
          events.push(m.event);
          status = 'Suspended';
        }
        break;
      case EventType.ExecutionResumed:
        consumed.push(m.seq);
        if (status === 'Suspended') {
          events.push(m.event);
          status = 'Running';
          deferred.forEach(take);
          deferred = [];
        }
        break;
      default:
        if (status === 'Suspended') deferred.push(m);
        else take(m);
    }
  }
  return { consumed, events, needsOrchestrator, terminateReason, status };
}
