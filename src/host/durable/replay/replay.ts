/**
 * One shadow replay over an execution's whole history (past episodes plus this episode's new events)
 * against the orchestrator's action list. Returns the new work and whether the instance may finish.
 */
import { EventType, type HistoryEvent } from '../history';
import type { Action } from './actions';
import { NonDeterminismError } from './nondeterminism';
import { type ReplayOptions, ShadowContext } from './shadowContext';
import { walkActions } from './walk';

export interface ReplayResult {
  readonly newEvents: HistoryEvent[];
  /** The walk reached the end of the action list. */
  readonly atEnd: boolean;
  /** Activities, live timers and sub-orchestrations still awaiting their completion event. */
  readonly openTasks: number;
  readonly continueAsNew: { readonly input: unknown } | undefined;
  /** EventRaised events to deliver to the next execution (DTFx carry-over on continue-as-new). */
  readonly carriedOver: readonly HistoryEvent[];
  /** Ids of timers the orchestrator cancelled. */
  readonly cancelledTimers: readonly number[];
  readonly nondeterminism?: string;
  /** An action the host cannot run (message for the failure). */
  readonly unsupported?: string;
}

export function shadowReplay(
  history: readonly HistoryEvent[],
  actions: readonly Action[],
  options: ReplayOptions,
): ReplayResult {
  const ctx = new ShadowContext(options);
  const walk = walkActions(ctx, actions);
  const result = (extra: Partial<ReplayResult> = {}): ReplayResult => ({
    newEvents: ctx.newEvents(),
    atEnd: walk.atEnd,
    openTasks: ctx.openTasks(),
    continueAsNew: ctx.continueAsNew,
    carriedOver: ctx.carriedOver,
    cancelledTimers: ctx.cancelledTimers,
    ...extra,
  });
  try {
    for (const event of history) {
      ctx.apply(event);
      if (event.EventType === EventType.ExecutionStarted) walk.start();
    }
  } catch (error) {
    if (error instanceof NonDeterminismError) return result({ nondeterminism: error.message });
    return result({ unsupported: (error as Error).message });
  }
  return result();
}
