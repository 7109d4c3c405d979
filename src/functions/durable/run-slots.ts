/**
 * Trigger concurrency (`runtimeConfiguration.concurrency.runs`, or `operationOptions:
 * "SingleInstance"` for one): a durable entity per workflow holds the runs that hold a slot and the
 * queue of runs waiting for one, in arrival order.
 *
 * - `acquire` answers `run` (this run holds a slot), `wait` (queued) or `full` (the waiting queue is
 *   at `maximumWaitingRuns`). A queued run asks again when notified or after a fallback delay; it
 *   gets a slot only at the head of the queue, so waiting runs start in order.
 * - `release` frees the run's slot (or its place in the queue) and names the run to notify next.
 *
 * The entity's state is the only truth; notifications are hints, so a lost one costs a delay, never
 * a run. A run cancelled through the API releases its slot from the API.
 */
import * as df from 'durable-functions';
import type { EntityContext } from 'durable-functions';

export const RUN_SLOTS_ENTITY = 'flowline-run-slots';
/** External event that tells a queued run to ask for a slot again. */
export const SLOT_EVENT = 'flowline:slot';

export interface SlotState {
  running: string[];
  waiting: string[];
  limit: number;
}

export type SlotAnswer = 'run' | 'wait' | 'full';

export interface AcquireInput {
  readonly runId: string;
  readonly limit: number;
  readonly maxWaiting: number;
}

export function slotsId(workflow: string): df.EntityId {
  return new df.EntityId(RUN_SLOTS_ENTITY, workflow.toLowerCase());
}

export function acquire(state: SlotState, input: AcquireInput): SlotAnswer {
  state.limit = input.limit;
  if (state.running.includes(input.runId)) return 'run';
  const queued = state.waiting.indexOf(input.runId);
  const first = queued === -1 ? state.waiting.length === 0 : queued === 0;
  if (state.running.length < state.limit && first) {
    if (queued === 0) state.waiting.shift();
    state.running.push(input.runId);
    return 'run';
  }
  if (queued !== -1) return 'wait';
  if (state.waiting.length >= input.maxWaiting) return 'full';
  state.waiting.push(input.runId);
  return 'wait';
}

export function release(state: SlotState, runId: string): string | null {
  state.running = state.running.filter((id) => id !== runId);
  state.waiting = state.waiting.filter((id) => id !== runId);
  return state.running.length < state.limit ? (state.waiting[0] ?? null) : null;
}

export function runSlotsEntity(context: EntityContext<SlotState>): void {
  const state = context.df.getState(() => ({ running: [], waiting: [], limit: 1 })) ?? {
    running: [],
    waiting: [],
    limit: 1,
  };
  switch (context.df.operationName) {
    case 'acquire':
      context.df.return(acquire(state, context.df.getInput<AcquireInput>() as AcquireInput));
      break;
    case 'release':
      context.df.return(release(state, (context.df.getInput<{ runId: string }>() ?? { runId: '' }).runId));
      break;
    default:
      throw new Error(`${RUN_SLOTS_ENTITY}: unknown operation '${String(context.df.operationName)}'`);
  }
  context.df.setState(state);
}
