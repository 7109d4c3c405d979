/**
 * Reading timestamps. Logic Apps accepts ISO 8601 (`2018-03-15T13:27:36Z`, with or without a
 * zone or fraction), the culture's short date with an optional time (`03/15/2018 12:00:00` in
 * en-US), dates with a month name (`March 15, 2018`) and RFC 1123 (`Thu, 15 Mar 2018 13:27:36 GMT`).
 * A timestamp with an offset is converted to UTC; one without a zone stays zone-less. `parseExact`
 * reads a custom .NET pattern for `parseDateTime`.
 */
import type { Culture } from './datetime-locale';
import type { DateValue } from './datetime-value';
import { build, offsetMinutes } from './datetime-parts';
import { parseExact } from './datetime-parse-exact';

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,7})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SHORT =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7})\d*)?)?\s*([AP]\.?M\.?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RFC1123 = /^[a-z]{3},\s*(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s*(GMT|UTC|Z)$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

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
