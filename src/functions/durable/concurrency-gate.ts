/**
 * The orchestrator's side of trigger concurrency (see run-slots.ts): before the first action a run
 * takes a slot, or waits in the workflow's queue, or ends Failed with `TooManyWaitingRuns` when the
 * queue is full; after the last action it releases the slot and wakes the next run in the queue.
 */
import type * as df from 'durable-functions';
import { isJsonObject, type JsonObject } from '../../expressions/values';
import type { RunInput } from '../../engine/run-types';
import { type AcquireInput, SLOT_EVENT, type SlotAnswer, slotsId } from './run-slots';

export const NOTIFY_ACTIVITY = 'flowline-notify-run';
/** A queued run asks again after this long even when no notification came. */
const FALLBACK_MS = 15_000;
/** Waiting runs allowed when the trigger sets `runs` but not `maximumWaitingRuns`. */
export const DEFAULT_MAX_WAITING = 100;

export interface TriggerConcurrency {
  readonly runs: number;
  readonly maxWaiting: number;
}

/** The concurrency limit of the trigger that started this run, if it has one. */
export function triggerConcurrency(input: RunInput): TriggerConcurrency | undefined {
  const triggers = isJsonObject(input.definition.triggers) ? input.definition.triggers : {};
  const trigger = triggers[input.trigger.name];
  if (!isJsonObject(trigger)) return undefined;
  const concurrency = objectAt(objectAt(trigger, 'runtimeConfiguration'), 'concurrency');
  const maxWaiting = positive(concurrency.maximumWaitingRuns) ?? DEFAULT_MAX_WAITING;
  const runs = positive(concurrency.runs);
  if (runs !== undefined) return { runs, maxWaiting };
  const single =
    typeof trigger.operationOptions === 'string' && /singleinstance/i.test(trigger.operationOptions);
  return single ? { runs: 1, maxWaiting } : undefined;
}

/** Takes a slot, waiting in the queue as long as needed; false when the queue is full. */
export function* acquireSlot(
  context: df.OrchestrationContext,
  workflow: string,
  limits: TriggerConcurrency,
): Generator<df.Task, boolean, unknown> {
  const d = context.df;
  const request: AcquireInput = { runId: d.instanceId, limit: limits.runs, maxWaiting: limits.maxWaiting };
  let answer = (yield d.callEntity(slotsId(workflow), 'acquire', request)) as SlotAnswer;
  while (answer === 'wait') {
    const timer = d.createTimer(new Date(d.currentUtcDateTime.getTime() + FALLBACK_MS));
    yield d.Task.any([d.waitForExternalEvent(SLOT_EVENT), timer]);
    if (!timer.isCompleted) timer.cancel();
    answer = (yield d.callEntity(slotsId(workflow), 'acquire', request)) as SlotAnswer;
  }
  return answer === 'run';
}

/** Gives the slot back and wakes the run that is next in the queue. */
export function* releaseSlot(
  context: df.OrchestrationContext,
  workflow: string,
): Generator<df.Task, void, unknown> {
  const d = context.df;
  const next = (yield d.callEntity(slotsId(workflow), 'release', { runId: d.instanceId })) as string | null;
  if (next !== null) yield d.callActivity(NOTIFY_ACTIVITY, { runId: next });
}

function objectAt(value: JsonObject, key: string): JsonObject {
  const member = value[key];
  return isJsonObject(member) ? member : {};
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
