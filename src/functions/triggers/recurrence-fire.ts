/**
 * The timer function behind one Recurrence trigger. The timer ticks on a superset of the schedule;
 * each tick starts a run for the latest occurrence that is due, if it has not started yet.
 *
 * - A run's id is derived from the occurrence (`<workflow>:<trigger>:<ISO time>`), so a second tick,
 *   a retry or a second instance of the app finds the run already there and starts nothing.
 * - Catch-up: after downtime Azure's timer monitor calls once with `isPastDue`; Flowline then starts
 *   ONE run, for the latest occurrence missed since the previous tick (no backfill of every missed
 *   occurrence). The embedded host keeps no schedule status across restarts, so locally missed
 *   occurrences are skipped.
 * - The definition and the recurrence are read again at each tick, so an edited workflow runs as
 *   edited; a changed schedule is only followed as far as the registered tick allows (restart to
 *   re-register).
 */
import type { InvocationContext, Timer } from '@azure/functions';
import * as df from 'durable-functions';
import { isJsonObject } from '../../expressions/values';
import { catalog } from '../api/shared';
import { fireTrigger } from './fire';
import { latestOccurrence, parseRecurrence, RecurrenceError } from './recurrence-schedule';

/** How far back a regular tick looks for a due occurrence (ticks may run a little late). */
const LOOKBACK_MS = 120_000;
const NEVER = /^0001-/;

export function recurrenceHandler(workflow: string, triggerName: string) {
  return async (timer: Timer, context: InvocationContext): Promise<void> => {
    const entry = await catalog().get(workflow);
    const trigger = entry?.definition?.triggers;
    const value = isJsonObject(trigger) ? trigger[triggerName] : undefined;
    if (entry?.definition === undefined || !isJsonObject(value)) {
      context.warn(
        `Recurrence ${workflow}/${triggerName}: the workflow or trigger is gone or invalid; no run.`,
      );
      return;
    }
    let recurrence;
    try {
      recurrence = parseRecurrence(value.recurrence);
    } catch (error) {
      if (!(error instanceof RecurrenceError)) throw error;
      context.error(`Recurrence ${workflow}/${triggerName}${error.pointer}: ${error.message}`);
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
    const fired = await fireTrigger(client, {
      entry,
      definition: entry.definition,
      triggerName,
      trigger: value,
      type: 'Recurrence',
      outputs: {},
      inputs: { recurrence: value.recurrence ?? null, scheduledTime: due.toISOString() },
      runId: (index) => (index === 0 ? runId : `${runId}:${index}`),
    });
    if (fired.kind === 'invalid')
      context.error(`Recurrence ${workflow}/${triggerName}${fired.pointer}: ${fired.message}`);
    else if (fired.kind === 'started')
      context.log(`Recurrence ${workflow}/${triggerName}: started ${fired.runIds.join(', ')}`);
  };
}

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
    return false;
  }
}
