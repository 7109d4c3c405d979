/** Date and time fields read from text, and how they become a `DateValue`. */
import {
  dateValue,
  inRange,
  msFromFields,
  TICKS_PER_MS,
  type DateKind,
  type DateValue,
} from './datetime-value';

export interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits as written, up to 7. */
  fraction: string;
  /** Offset in minutes east of UTC; undefined when the text has no zone. */
  offset: number | undefined;
  /** 'A' or 'P' when the pattern has `t`/`tt`. */
  period?: string;
}

export function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return undefined;
  if (/^(z|gmt|utc)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m === null) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

export function build(p: Parts): DateValue | undefined {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59)
    return undefined;
  const fraction = Number(p.fraction.padEnd(7, '0'));
  let ms = msFromFields(
    p.year,
    p.month,
    p.day,
    p.hour,
    p.minute,
    p.second,
    Math.floor(fraction / TICKS_PER_MS),
  );
  if (new Date(ms).getUTCDate() !== p.day) return undefined;
  let kind: DateKind = 'unspecified';
  if (p.offset !== undefined) {
    ms -= p.offset * 60_000;
    kind = 'utc';
  }
  return inRange(ms) ? dateValue(ms, kind, fraction % TICKS_PER_MS) : undefined;
}
