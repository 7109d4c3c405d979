/**
 * The scheduled triggers (Recurrence, and Http triggers that poll) of the workflows folder, read synchronously when the app loads: each one
 * becomes a timer function, so its schedule is fixed until the app restarts (the definition a run
 * uses is still read fresh when it fires). A file or a recurrence with errors is skipped and
 * reported here; `flowline validate` and the host's banner say the same.
 */
import { readFileSync } from 'node:fs';
import { loadWorkflow } from '../../definition/loader';
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { text } from '../../engine/text';
import { parseRecurrence, RecurrenceError, type Recurrence } from '../triggers/recurrence-schedule';
import { workflowFiles } from './catalog';

export interface ScheduledTrigger {
  readonly workflow: string;
  readonly trigger: string;
  /** Recurrence fires at every occurrence; Http polls its endpoint at every occurrence. */
  readonly kind: 'recurrence' | 'http';
  readonly recurrence: Recurrence;
}

const SCHEDULED = new Set(['recurrence', 'http']);

export function scheduledTriggers(dir: string, warn: (message: string) => void): ScheduledTrigger[] {
  const out: ScheduledTrigger[] = [];
  for (const [workflow, file] of workflowFiles(dir)) {
    const loaded = loadWorkflow(readFileSync(file, 'utf8'), file);
    const definition = loaded.definition as unknown as JsonObject | undefined;
    const triggers = definition?.triggers;
    if (loaded.errors.length > 0 || !isJsonObject(triggers)) continue;
    for (const [trigger, value] of Object.entries(triggers)) {
      const kind = isJsonObject(value) ? text(value.type).toLowerCase() : '';
      if (!isJsonObject(value) || !SCHEDULED.has(kind)) continue;
      try {
        const recurrence = parseRecurrence(value.recurrence);
        out.push({ workflow, trigger, kind: kind as ScheduledTrigger['kind'], recurrence });
      } catch (error) {
        if (!(error instanceof RecurrenceError)) throw error;
        warn(`${file}#/definition/triggers/${trigger}${error.pointer}: ${error.message}`);
      }
    }
  }
  return out;
}
