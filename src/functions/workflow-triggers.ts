/** Registration only: one timer function per scheduled trigger (Recurrence, Http polling) of the workflows folder. */
import { app } from '@azure/functions';
import * as df from 'durable-functions';
import { APP_ROOT } from './api/shared';
import { httpPollObserve } from './triggers/http-poll';
import { recurrenceObserve, scheduledHandler } from './triggers/scheduled-fire';
import { tickSchedule } from './triggers/recurrence-schedule';
import { workflowsDir } from './workflows/catalog';
import { scheduledTriggers } from './workflows/scheduled';

for (const { workflow, trigger, kind, recurrence } of scheduledTriggers(
  workflowsDir(APP_ROOT),
  console.warn,
)) {
  app.timer(
    `${kind === 'http' ? 'poll' : 'recurrence'}-${workflow}-${trigger}`.replace(/[^A-Za-z0-9_-]/g, '_'),
    {
      schedule: tickSchedule(recurrence),
      extraInputs: [df.input.durableClient()],
      handler: scheduledHandler(workflow, trigger, kind === 'http' ? httpPollObserve : recurrenceObserve),
    },
  );
}
