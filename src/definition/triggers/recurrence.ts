import { z } from 'zod';
import * as c from '../common';

/** A schedule: frequency/interval/startTime/timeZone/schedule. */
export const recurrenceTrigger = z
  .looseObject({
    ...c.triggerBaseShape,
    type: c.ci('Recurrence'),
    recurrence: c.recurrence,
  })
  .meta({ title: 'Recurrence', description: 'Starts a run on a schedule.' });
