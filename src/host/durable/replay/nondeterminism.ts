/**
 * DTFx's replay checks: a scheduling event in history must find the action the current replay
 * produced under the same sequence number, of the same kind and name (case-insensitive).
 */
import type { HistoryEvent } from '../history';
import { str } from '../history';

export type ScheduledKind = 'activity' | 'timer' | 'sub-orchestration' | 'send event';

export class NonDeterminismError extends Error {
  constructor(detail: string) {
    super(`Non-Deterministic workflow detected: ${detail}`);
  }
}

const TAIL = 'Was a change made to the orchestrator code after this instance had already started running?';

export function missingAction(kind: ScheduledKind, event: HistoryEvent): NonDeterminismError {
  const name = str(event, 'Name');
  const named = name === undefined ? '' : ` and name '${name}'`;
  return new NonDeterminismError(
    `A previous execution of this orchestration scheduled a ${kind} task with sequence ID ${event.EventId}${named}, ` +
      `but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`,
  );
}

export function wrongKind(
  kind: ScheduledKind,
  event: HistoryEvent,
  produced: ScheduledKind,
): NonDeterminismError {
  return new NonDeterminismError(
    `A previous execution of this orchestration scheduled a ${kind} task with sequence number ${event.EventId}, ` +
      `but the current orchestration replay instead produced a ${produced} action with this sequence number. ${TAIL}`,
  );
}

export function wrongName(
  kind: ScheduledKind,
  event: HistoryEvent,
  producedName: string,
): NonDeterminismError {
  return new NonDeterminismError(
    `A previous execution of this orchestration scheduled a ${kind} task with sequence number ${event.EventId} ` +
      `named '${str(event, 'Name') ?? ''}', but the current orchestration replay instead scheduled a ${kind} task ` +
      `named '${producedName}' with this sequence number. ${TAIL}`,
  );
}
