/**
 * The timer function behind a scheduled trigger (Recurrence, or an Http trigger that polls on its
 * `recurrence`). The timer ticks on a superset of the schedule; each tick handles the latest
 * occurrence that is due, once.
 *
 * - A run's id is derived from the occurrence (`<workflow>:<trigger>:<ISO time>`), so a second tick,
 *   a retry or a second instance of the app finds the run already there and starts nothing.
 * - Catch-up: after downtime Azure's timer monitor calls once with `isPastDue`; Flowline then handles
 *   ONE occurrence, the latest missed since the previous tick (no backfill of every missed one). The
 *   embedded host keeps no schedule status across restarts, so locally missed occurrences are skipped.
 * - The definition and the recurrence are read again at each tick, so an edited workflow runs as
 *   edited; a changed schedule is only followed as far as the registered tick allows (restart to
 *   re-register).
 */
import type { InvocationContext, Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';
import { catalog } from '../api/shared';
import type { CatalogEntry } from '../workflows/catalog';
import { fireTrigger } from './fire';
import { latestOccurrence, parseRecurrence, RecurrenceError } from './recurrence-schedule';

/** How far back a regular tick looks for its occurrence (ticks run a little late; ticks are >= 1 s apart). */
const LOOKBACK_MS = 30_000;
const NEVER = /^0001-/;

/** What the trigger saw at an occurrence: trigger outputs to start runs with, or nothing new. */
export type Observation = { readonly outputs: JsonObject; readonly inputs: JsonValue } | undefined;

export type Observe = (
  trigger: JsonObject,
  entry: CatalogEntry,
  scheduledTime: Date,
  context: InvocationContext,
) => Promise<Observation>;

export function scheduledHandler(workflow: string, triggerName: string, observe: Observe) {
  const label = `${workflow}/${triggerName}`;
  return async (timer: Timer, context: InvocationContext): Promise<void> => {
    const entry = await catalog().get(workflow);
    const triggers = entry?.definition?.triggers;
    const trigger = isJsonObject(triggers) ? triggers[triggerName] : undefined;
    if (entry?.definition === undefined || !isJsonObject(trigger)) {
      context.warn(`Trigger ${label}: the workflow or trigger is gone or invalid; nothing started.`);
      return;
    }
    let recurrence;
    try {
      recurrence = parseRecurrence(trigger.recurrence);
    } catch (error) {
      if (!(error instanceof RecurrenceError)) throw error;
      context.error(`Trigger ${label}${error.pointer}: ${error.message}`);
      return;
    }
    const now = tickTime(timer);
    const last = timer.scheduleStatus?.last;
    const from =
      timer.isPastDue && last !== undefined && !NEVER.test(last)
        ? new Date(last)
        : new Date(now.getTime() - LOOKBACK_MS);
    const due = latestOccurrence(recurrence, from, now);
    if (due === undefined) return;
    const runId = `${workflow}:${triggerName}:${due.toISOString()}`;
    const client = df.getClient(context);
    if (await exists(client, runId)) return;
    const seen = await observe(trigger, entry, due, context);
    if (seen === undefined) return;
    const fired = await fireTrigger(client, {
      entry,
      definition: entry.definition,
      triggerName,
      trigger,
      type: typeof trigger.type === 'string' ? trigger.type : 'Recurrence',
      outputs: seen.outputs,
      inputs: seen.inputs,
      runId: (index) => (index === 0 ? runId : `${runId}:${index}`),
    });
    if (fired.kind === 'invalid') context.error(`Trigger ${label}${fired.pointer}: ${fired.message}`);
    else if (fired.kind === 'started') context.log(`Trigger ${label}: started ${fired.runIds.join(', ')}`);
  };
}

/** A Recurrence trigger always fires; its runs see the schedule and the occurrence as trigger inputs. */
export const recurrenceObserve: Observe = (trigger, _entry, scheduledTime) =>
  Promise.resolve({
    outputs: {},
    inputs: { recurrence: trigger.recurrence ?? null, scheduledTime: scheduledTime.toISOString() },
  });

/** The tick's time as the host saw it (`lastUpdated`), which follows a test clock too. */
function tickTime(timer: Timer): Date {
  const updated = Date.parse(timer.scheduleStatus?.lastUpdated ?? '');
  return new Date(Number.isNaN(updated) ? Date.now() : updated);
}

async function exists(client: df.DurableClient, runId: string): Promise<boolean> {
  try {
    const status = await client.getStatus(runId);
    return status.instanceId === runId;
  } catch {
    return false; // 404: no such run yet
  }
}
