/**
 * Reading timestamps. Logic Apps accepts ISO 8601 (`2018-03-15T13:27:36Z`, with or without a
 * zone or fraction), the culture's short date with an optional time (`03/15/2018 12:00:00` in
 * en-US), dates with a month name (`March 15, 2018`) and RFC 1123 (`Thu, 15 Mar 2018 13:27:36 GMT`).
 * A timestamp with an offset is converted to UTC; one without a zone stays zone-less. `parseExact`
 * reads a custom .NET pattern for `parseDateTime`.
 */
import type { Culture } from './datetime-locale';
import {
  dateValue,
  inRange,
  msFromFields,
  TICKS_PER_MS,
  type DateKind,
  type DateValue,
} from './datetime-value';

interface Parts {
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

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SHORT =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7})\d*)?)?\s*([AP]\.?M\.?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RFC1123 = /^[a-z]{3},\s*(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s*(GMT|UTC|Z)$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === '') return undefined;
  if (/^(z|gmt|utc)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m === null) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function build(p: Parts): DateValue | undefined {
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

const num = (s: string | undefined): number => Number(s ?? 0);

/** True when the culture writes the day before the month in its short date. */
function dayFirst(culture: Culture): boolean {
  const pattern = culture.patterns?.d ?? 'M/d/yyyy';
  return pattern.indexOf('d') < pattern.indexOf('M');
}

/** Parses a timestamp the way Logic Apps does; undefined when the text is not one. */
export function parseTimestamp(text: string, culture: Culture): DateValue | undefined {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m !== null) {
    return build({
      year: num(m[1]),
      month: num(m[2]),
      day: num(m[3]),
      hour: num(m[4]),
      minute: num(m[5]),
      second: num(m[6]),
      fraction: m[7] ?? '',
      offset: offsetMinutes(m[8]),
    });
  }
  m = SHORT.exec(t);
  if (m !== null) {
    const [a, b, c] = [m[1] ?? '', num(m[2]), m[3] ?? ''];
    const yearFirst = a.length === 4;
    if (!yearFirst && c.length !== 4 && c.length !== 2) return undefined;
    const year = yearFirst ? Number(a) : c.length === 2 ? 2000 + Number(c) : Number(c);
    const [month, day] = yearFirst ? [b, Number(c)] : dayFirst(culture) ? [b, Number(a)] : [Number(a), b];
    let hour = num(m[4]);
    const period = m[8]?.toUpperCase().replace(/\./g, '');
    if (period !== undefined) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (period === 'PM' ? 12 : 0);
    }
    return build({
      year,
      month,
      day,
      hour,
      minute: num(m[5]),
      second: num(m[6]),
      fraction: m[7] ?? '',
      offset: offsetMinutes(m[9]),
    });
  }
  m = RFC1123.exec(t);
  if (m !== null) {
    const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
    return build({
      year: num(m[3]),
      month,
      day: num(m[1]),
      hour: num(m[4]),
      minute: num(m[5]),
      second: num(m[6]),
      fraction: '',
      offset: 0,
    });
  }
  return parseWithMonthName(t, culture);
}

const NAMED_DATES = ['MMMM d, yyyy', 'MMM d, yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'MMMM d yyyy'];
const TIMES = ['', ' h:mm tt', ' h:mm:ss tt', ' H:mm', ' H:mm:ss'];

/** Dates written with a month name (`March 15, 2018`, `Thursday, 15 March 2018 1:05 PM`). */
function parseWithMonthName(text: string, culture: Culture): DateValue | undefined {
  const lower = text.toLowerCase();
  const weekday = [...culture.days, ...culture.daysShort].find((d) => lower.startsWith(d.toLowerCase()));
  const rest = weekday === undefined ? text : text.slice(weekday.length).replace(/^,?\s*/, '');
  for (const date of NAMED_DATES) {
    for (const time of TIMES) {
      const value = parseExact(rest, date + time, culture);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (names: readonly string[]): string =>
  `(${[...names]
    .sort((x, y) => y.length - x.length)
    .map(escape)
    .join('|')})`;

/** Parses `text` with a custom .NET pattern (`dd/MM/yyyy`, `dd MMMM yyyy HH:mm`...). */
export function parseExact(text: string, pattern: string, culture: Culture): DateValue | undefined {
  const fields: ((p: Parts, v: string) => void)[] = [];
  let source = '';
  let i = 0;
  const capture = (re: string, set: (p: Parts, v: string) => void): void => {
    source += `(${re})`;
    fields.push(set);
  };
  const indexIn = (names: readonly string[], v: string): number =>
    names.findIndex((n) => n.toLowerCase() === v.toLowerCase()) + 1;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    let run = 1;
    while (pattern[i + run] === c) run++;
    if (c === "'" || c === '"') {
      const end = pattern.indexOf(c, i + 1);
      source += escape(pattern.slice(i + 1, end < 0 ? pattern.length : end));
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (c === '\\') {
      source += escape(pattern.charAt(i + 1));
      i += 2;
      continue;
    }
    const digits = run === 1 ? '\\d{1,2}' : `\\d{${run}}`;
    switch (c) {
      case 'y':
        capture(
          run <= 2 ? '\\d{1,2}' : `\\d{${run}}`,
          (p, v) => (p.year = run <= 2 ? 2000 + Number(v) : Number(v)),
        );
        break;
      case 'M':
        if (run <= 2) capture(digits, (p, v) => (p.month = Number(v)));
        else {
          const names = run === 3 ? culture.monthsShort : culture.months;
          source += alternatives(names);
          fields.push((p, v) => (p.month = indexIn(names, v)));
        }
        break;
      case 'd':
        if (run <= 2) capture(digits, (p, v) => (p.day = Number(v)));
        else source += `(?:${alternatives(run === 3 ? culture.daysShort : culture.days).slice(1, -1)})`;
        break;
      case 'H':
      case 'h':
        capture(run === 1 ? '\\d{1,2}' : '\\d{2}', (p, v) => (p.hour = Number(v)));
        break;
      case 'm':
        capture(digits, (p, v) => (p.minute = Number(v)));
        break;
      case 's':
        capture(digits, (p, v) => (p.second = Number(v)));
        break;
      case 'f':
      case 'F':
        capture(c === 'f' ? `\\d{${run}}` : `\\d{0,${run}}`, (p, v) => (p.fraction = v));
        break;
      case 't':
        capture('[AaPp][Mm]?', (p, v) => (p.period = v.charAt(0).toUpperCase()));
        break;
      case 'K':
      case 'z':
        capture('Z|[+-]\\d{1,2}(?::?\\d{2})?|', (p, v) => (p.offset = offsetMinutes(v)));
        break;
      default:
        source += escape(c.repeat(run));
    }
    i += run;
  }
  const m = new RegExp(`^${source}$`, 'i').exec(text.trim());
  if (m === null) return undefined;
  const parts: Parts = {
    year: 1,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    fraction: '',
    offset: undefined,
  };
  fields.forEach((set, k) => set(parts, m[k + 1] ?? ''));
  if (parts.period === 'P' && parts.hour < 12) parts.hour += 12;
  else if (parts.period === 'A' && parts.hour === 12) parts.hour = 0;
  return build(parts);
}
