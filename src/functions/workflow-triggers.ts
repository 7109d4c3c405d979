/** Registration only: one timer function per Recurrence trigger of the workflows folder. */
import { app } from '@azure/functions';
import * as df from 'durable-functions';
import { APP_ROOT } from './api/shared';
import { recurrenceHandler } from './triggers/recurrence-fire';
import { tickSchedule } from './triggers/recurrence-schedule';
import { workflowsDir } from './workflows/catalog';
import { scheduledTriggers } from './workflows/scheduled';

for (const { workflow, trigger, recurrence } of scheduledTriggers(workflowsDir(APP_ROOT), console.warn)) {
  app.timer(`recurrence-${workflow}-${trigger}`.replace(/[^A-Za-z0-9_-]/g, '_'), {
    schedule: tickSchedule(recurrence),
    extraInputs: [df.input.durableClient()],
    handler: recurrenceHandler(workflow, trigger),
  });
}
