/**
 * NCRONTAB schedules as the timer trigger reads them: six fields
 * `{second} {minute} {hour} {day} {month} {day-of-week}` (five fields mean second 0), each `*`, a
 * value, a range `a-b`, a step `* /n` or `a-b/n`, or a comma list; month and day names (`Jan`, `Mon`)
 * are accepted. Like NCrontab, a day must satisfy both the day-of-month and the day-of-week fields.
 * A TimeSpan (`hh:mm:ss`, `d.hh:mm:ss`) means "every interval". Wall-clock fields are read in the
 * schedule's time zone (UTC unless WEBSITE_TIME_ZONE says otherwise, see timeZone.ts).
 */
import { DateTime } from 'luxon';
import { parseTimeSpan } from '../timeSpan';

export type Schedule =
  | { readonly kind: 'cron'; readonly text: string; readonly fields: readonly (readonly boolean[])[] }
  | { readonly kind: 'interval'; readonly text: string; readonly milliseconds: number };

const FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day-of-week', min: 0, max: 6 },
] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function parseSchedule(text: string): Schedule {
  const trimmed = text.trim();
  const milliseconds = parseTimeSpan(trimmed);
  if (milliseconds !== undefined) {
    if (milliseconds <= 0) throw new Error(`Timer schedule '${text}': a TimeSpan interval must be positive.`);
    return { kind: 'interval', text: trimmed, milliseconds };
  }
  const parts = trimmed.split(/\s+/);
  if (parts.length !== 6 && parts.length !== 5) {
    throw new Error(
      `Timer schedule '${text}' has ${parts.length} field(s); expected 6: {second} {minute} {hour} {day} {month} {day-of-week}, e.g. '0 */5 * * * *'.`,
    );
  }
  const six = parts.length === 5 ? ['0', ...parts] : parts;
  return {
    kind: 'cron',
    text: trimmed,
    fields: FIELDS.map((field, i) => parseField(six[i] ?? '', field, text)),
  };
}

function parseField(raw: string, field: (typeof FIELDS)[number], text: string): boolean[] {
  const allowed = new Array<boolean>(field.max + 1).fill(false);
  const fail = (why: string): never => {
    throw new Error(
      `Timer schedule '${text}': ${field.name} field '${raw}' ${why} (allowed ${field.min}-${field.max}).`,
    );
  };
  for (const item of raw.split(',')) {
    const [range = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) fail(`has an invalid step '${stepText ?? ''}'`);
    let low: number = field.min;
    let high: number = field.max;
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      low = value(a, field.name, fail);
      high = b === undefined ? (stepText === undefined ? low : field.max) : value(b, field.name, fail);
    }
    if (low < field.min || high > field.max || low > high) fail('is out of range');
    for (let v = low; v <= high; v += step) allowed[v] = true;
  }
  return allowed;
}

function value(token: string, fieldName: string, fail: (why: string) => never): number {
  const lower = token.toLowerCase();
  const names = fieldName === 'month' ? MONTHS : fieldName === 'day-of-week' ? DAYS : [];
  const named = names.findIndex((n) => lower.startsWith(n));
  if (named >= 0 && /^[a-z]+$/.test(lower)) return fieldName === 'month' ? named + 1 : named;
  if (!/^\d+$/.test(token)) return fail(`has an invalid value '${token}'`);
  return Number(token);
}

/**
 * The first occurrence strictly after `after` (whole seconds) in wall-clock time of `zone` (an IANA
 * name, default UTC), or undefined if none within 5 years. Around DST changes the wall clock decides:
 * a time skipped by spring-forward does not fire that day, and an hour repeated by fall-back may fire twice.
 */
export function nextOccurrence(schedule: Schedule, after: Date, zone = 'UTC'): Date | undefined {
  if (schedule.kind === 'interval') return new Date(after.getTime() + schedule.milliseconds);
  const [seconds, minutes, hours, days, months, weekdays] = schedule.fields;
  if (!seconds || !minutes || !hours || !days || !months || !weekdays) return undefined;
  let t: DateTime = DateTime.fromMillis(Math.floor(after.getTime() / 1000) * 1000 + 1000, { zone });
  const limit = after.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (t.toMillis() <= limit) {
    if (!months[t.month]) t = t.plus({ months: 1 }).startOf('month');
    else if (!days[t.day] || !weekdays[t.weekday % 7]) t = t.plus({ days: 1 }).startOf('day');
    else if (!hours[t.hour]) t = jump(t, hours, t.hour, 'hour', 'day');
    else if (!minutes[t.minute]) t = jump(t, minutes, t.minute, 'minute', 'hour');
    else if (!seconds[t.second]) t = jump(t, seconds, t.second, 'second', 'minute');
    else return t.toJSDate();
  }
  return undefined;
}

/** Moves to the next allowed value of `unit` in the current `parent`, or to the start of the next `parent`. */
function jump(
  t: DateTime,
  allowed: readonly boolean[],
  current: number,
  unit: 'hour' | 'minute' | 'second',
  parent: 'day' | 'hour' | 'minute',
): DateTime {
  const next = allowed.indexOf(true, current + 1);
  if (next < 0) return t.plus({ [`${parent}s`]: 1 }).startOf(parent);
  const moved = t.set({ [unit]: next }).startOf(unit);
  // A DST gap can normalise the wall time backwards; never move back in time.
  return moved.toMillis() > t.toMillis() ? moved : t.plus({ [`${unit}s`]: 1 }).startOf(unit);
}
