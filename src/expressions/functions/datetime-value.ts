/**
 * The date-time value the datetime functions work on, modelled on .NET `DateTime`: a wall-clock
 * instant with 100 ns precision and a kind. `utc` values print with a trailing `Z`; `unspecified`
 * values (a timestamp written without a zone, or the result of `convertFromUtc`) print without one,
 * exactly as Logic Apps does (`formatDateTime('03/15/2018')` is `2018-03-15T00:00:00.0000000`).
 */
export type DateKind = 'utc' | 'unspecified';

export interface DateValue {
  /** Wall-clock milliseconds since 1970-01-01, read with the UTC accessors of `Date`. */
  readonly ms: number;
  /** The 100 ns ticks below the millisecond, 0..9999. */
  readonly sub: number;
  readonly kind: DateKind;
}

/** Milliseconds between 0001-01-01 (where .NET ticks start) and 1970-01-01. */
export const EPOCH_OFFSET_MS = 62_135_596_800_000;
export const TICKS_PER_MS = 10_000;
const MS_PER_DAY = 86_400_000;

export function dateValue(ms: number, kind: DateKind, sub = 0): DateValue {
  return { ms, sub, kind };
}

/** The fields of a date-time, the way format strings read them. */
export interface DateFields {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Fraction of the second in 100 ns ticks, 0..9_999_999. */
  readonly fraction: number;
  /** 0 = Sunday, as `dayOfWeek` returns it. */
  readonly weekday: number;
}

export function fieldsOf(value: DateValue): DateFields {
  const d = new Date(value.ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    fraction: d.getUTCMilliseconds() * TICKS_PER_MS + value.sub,
    weekday: d.getUTCDay(),
  };
}

/** Wall-clock milliseconds for the given fields (months 1..12), valid for years 0001..9999. */
export function msFromFields(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  return d.getTime();
}

/** .NET ticks (100 ns intervals since 0001-01-01T00:00:00) of a value. */
export function ticksOf(value: DateValue): bigint {
  return BigInt(value.ms + EPOCH_OFFSET_MS) * BigInt(TICKS_PER_MS) + BigInt(value.sub);
}

/** The day of the year, 1..366. */
export function dayOfYear(value: DateValue): number {
  const f = fieldsOf(value);
  return Math.round((msFromFields(f.year, f.month, f.day) - msFromFields(f.year, 1, 1)) / MS_PER_DAY) + 1;
}

/** Adds calendar months the way .NET `AddMonths` does: the day is clamped to the new month's end. */
export function addMonths(value: DateValue, months: number): DateValue {
  const f = fieldsOf(value);
  const total = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(msFromFields(year, month + 1, 1) - MS_PER_DAY).getUTCDate();
  const dayMs = value.ms - msFromFields(f.year, f.month, f.day);
  return { ...value, ms: msFromFields(year, month, Math.min(f.day, lastDay)) + dayMs };
}

export const MIN_MS = -EPOCH_OFFSET_MS;
export const MAX_MS = msFromFields(9999, 12, 31, 23, 59, 59, 999);

export function inRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS;
}
