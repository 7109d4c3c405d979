import { z } from 'zod';
import * as c from '../common';

/** Waits for an interval (count/unit) or until a timestamp; a durable timer. */
export const waitAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Wait'),
    inputs: z.union([
      z.looseObject({
        interval: z.looseObject({
          count: c.numberOrExpression,
          unit: c.ci('Second', 'Minute', 'Hour', 'Day', 'Week', 'Month'),
        }),
      }),
      z.looseObject({ until: z.looseObject({ timestamp: z.string() }) }),
    ]),
  })
  .meta({
    title: 'Wait',
    description: 'Waits for an interval (count/unit) or until a timestamp; a durable timer.',
  });
