/** Wait: a durable timer, for an interval (count and unit) or until a timestamp. */
import { isJsonObject } from '../../expressions/values';
import { type Executor, failed } from './env';
import { timedOut } from './timed-out';
import { text } from '../text';

const UNIT_MS: Record<string, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 30 * 86_400_000,
};

export const wait: Executor = function* (env) {
  const inputs = env.evaluate(env.def.inputs ?? {});
  const { port } = env.state;
  let fireAt: number;
  if (isJsonObject(inputs) && isJsonObject(inputs.interval)) {
    const count = Number(inputs.interval.count);
    const unit = UNIT_MS[text(inputs.interval.unit).toLowerCase()];
    if (!Number.isFinite(count) || count < 0 || unit === undefined) {
      return failed(
        'InvalidTemplate',
        `The wait interval must have a non-negative count and a unit of Second, Minute, Hour, Day, Week or Month; got ${JSON.stringify(inputs.interval)}.`,
        { inputs },
      );
    }
    fireAt = port.now() + count * unit;
  } else if (isJsonObject(inputs) && isJsonObject(inputs.until)) {
    fireAt = Date.parse(text(inputs.until.timestamp));
    if (Number.isNaN(fireAt)) {
      return failed(
        'InvalidTemplate',
        `The wait 'until.timestamp' must be an ISO 8601 date-time; got ${JSON.stringify(inputs.until.timestamp)}.`,
        { inputs },
      );
    }
  } else {
    return failed(
      'InvalidTemplate',
      'A Wait action needs inputs.interval {count, unit} or inputs.until {timestamp}.',
      { inputs },
    );
  }
  if (fireAt > port.now()) {
    const timer = port.createTimer(fireAt);
    if (!(yield* env.waitOrTimeout([timer]))) {
      port.cancelTimer(timer);
      return timedOut({ inputs });
    }
  }
  return { status: 'Succeeded', inputs };
};
