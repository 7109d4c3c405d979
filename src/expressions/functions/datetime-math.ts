/** Arithmetic on date-time values: adding units, truncating, and differences as .NET TimeSpans. */
import type { TimeUnit } from './datetime-args';
import { addMonths, fieldsOf, inRange, msFromFields, ticksOf, type DateValue } from './datetime-value';

const UNIT_MS: Partial<Record<TimeUnit, number>> = {
  Second: 1_000,
  Minute: 60_000,
  Hour: 3_600_000,
  Day: 86_400_000,
  Week: 604_800_000,
};

/** `value` moved by `amount` units; undefined when the result leaves years 0001..9999. */
export function shift(value: DateValue, amount: number, unit: TimeUnit): DateValue | undefined {
  const unitMs = UNIT_MS[unit];
  let result: DateValue;
  if (unitMs !== undefined) {
    // .NET rounds a fractional AddDays/AddHours amount to the nearest millisecond.
    result = { ...value, ms: value.ms + Math.round(amount * unitMs) };
  } else {
    if (!Number.isInteger(amount)) return undefined;
    result = addMonths(value, unit === 'Year' ? amount * 12 : amount);
  }
  return inRange(result.ms) ? result : undefined;
}

export type Truncation = 'day' | 'hour' | 'month';

/** The start of the value's day, hour or month, keeping its kind. */
export function startOf(value: DateValue, unit: Truncation): DateValue {
  const f = fieldsOf(value);
  const ms =
    unit === 'month'
      ? msFromFields(f.year, f.month, 1)
      : msFromFields(f.year, f.month, f.day, unit === 'hour' ? f.hour : 0);
  return { ms, sub: 0, kind: value.kind };
}

/** `end - start` in the .NET TimeSpan constant format: `[-][d.]hh:mm:ss[.fffffff]`. */
export function timeSpan(start: DateValue, end: DateValue): string {
  let ticks = ticksOf(end) - ticksOf(start);
  const sign = ticks < 0n ? '-' : '';
  if (ticks < 0n) ticks = -ticks;
  const perSecond = 10_000_000n;
  const fraction = ticks % perSecond;
  let seconds = ticks / perSecond;
  const days = seconds / 86_400n;
  seconds %= 86_400n;
  const two = (n: bigint): string => n.toString().padStart(2, '0');
  const clock = `${two(seconds / 3600n)}:${two((seconds / 60n) % 60n)}:${two(seconds % 60n)}`;
  return `${sign}${days > 0n ? `${days}.` : ''}${clock}${fraction > 0n ? `.${fraction.toString().padStart(7, '0')}` : ''}`;
}
