/**
 * Schedule logic of the Logic Apps Recurrence trigger, as pure functions of the recurrence and the
 * times the caller passes in. Flowline registers one timer trigger per Recurrence trigger, ticking on
 * `tickSchedule(r)` (a UTC NCRONTAB superset of the occurrences), and runs the workflow on the ticks for
 * which `isOccurrence` holds.
 *
 * Occurrences are whole seconds, none before startTime or after endTime, counted from an anchor:
 * startTime when given (wall-clock time in timeZone), else 1970-01-01T00:00:00 in the workflow's zone.
 * (Logic Apps anchors at the time the workflow is saved; a fixed anchor means a restart or redeploy
 * never shifts the schedule. Without startTime a weekly recurrence therefore defaults to Thursdays and
 * a monthly one to the 1st, at midnight.)
 * - Second, Minute, Hour: anchor + k·interval units, k >= 0, in elapsed (absolute) time, so DST does not
 *   move them.
 * - Day: every interval-th calendar day of the zone from the anchor's date, at the times of day
 *   schedule.hours × schedule.minutes (a missing list defaults to the anchor's hour or minute), at the
 *   anchor's second.
 * - Week: every interval-th week from the anchor's week (weeks run Monday to Sunday for this count), on
 *   schedule.weekDays (default the anchor's weekday), at the Day rule's times of day.
 * - Month: every interval-th month from the anchor's month, on schedule.monthDays (default the anchor's
 *   day; a day a month lacks, such as the 31st in April, is skipped), at the Day rule's times of day.
 * Wall-clock times the zone skips (spring forward) fire at the end of the gap; repeated ones (fall
 * back) fire once, on the first pass (see Zone.instantOf).
 */
import type { Recurrence } from './recurrence-parse';
import { parseRecurrence, WEEKDAYS } from './recurrence-parse';
import type { Zone } from './recurrence-time';
import * as t from './recurrence-time';

export type { Frequency, Recurrence } from './recurrence-parse';
export { parseRecurrence, RecurrenceError } from './recurrence-parse';

/** A recurrence compiled for the search; cached per Recurrence object. */
interface Plan {
  readonly zone: Zone;
  readonly frequency: Recurrence['frequency'];
  readonly interval: number;
  /** Milliseconds between occurrences for Second, Minute and Hour. */
  readonly step: number | undefined;
  /** The first instant an occurrence may have (startTime, or the epoch anchor). */
  readonly anchor: number;
  readonly anchorWall: number;
  readonly anchorDay: number;
  readonly end: number;
  readonly hours: readonly number[];
  readonly minutes: readonly number[];
  readonly second: number;
  /** Milliseconds into the day, ascending. */
  readonly times: readonly number[];
  readonly weekDays: readonly number[]; // ISO, 1 = Monday
  readonly monthDays: readonly number[];
}

const STEP = { Second: 1000, Minute: 60_000, Hour: 3_600_000 } as const;
/** (Month, leap year) repeats every 400 years, so a monthly schedule with nothing in 4800 months never fires. */
const MAX_PERIODS = 4800;
const plans = new WeakMap<Recurrence, Plan>();

function plan(input: Recurrence): Plan {
  const cached = plans.get(input);
  if (cached) return cached;
  const r = parseRecurrence(input);
  const zone = new t.Zone(r.timeZone === undefined ? 'UTC' : (t.resolveZone(r.timeZone) ?? 'UTC'));
  const start = r.startTime === undefined ? { wall: 0 } : t.parseTime(r.startTime);
  const endTime = r.endTime === undefined ? undefined : t.parseTime(r.endTime);
  if (!start) throw new Error('unreachable: startTime was validated');
  const anchor = zone.toInstant(start);
  const anchorWall = 'wall' in start ? start.wall : zone.wallOf(start.instant);
  const anchorDay = t.floorDiv(anchorWall, t.DAY);
  const ofDay = anchorWall - anchorDay * t.DAY;
  const hours = r.schedule?.hours ?? [Math.floor(ofDay / 3_600_000)];
  const minutes = r.schedule?.minutes ?? [Math.floor(ofDay / 60_000) % 60];
  const second = Math.floor(ofDay / 1000) % 60;
  const p: Plan = {
    zone,
    frequency: r.frequency,
    interval: r.interval,
    step: r.frequency in STEP ? STEP[r.frequency as keyof typeof STEP] * r.interval : undefined,
    anchor,
    anchorWall,
    anchorDay,
    end: endTime ? zone.toInstant(endTime) : Infinity,
    hours,
    minutes,
    second,
    times: hours.flatMap((h) => minutes.map((m) => ((h * 60 + m) * 60 + second) * 1000)),
    weekDays: (r.schedule?.weekDays ?? [WEEKDAYS[t.isoWeekday(anchorDay) - 1]]).map(
      (d) => WEEKDAYS.findIndex((w) => w === d) + 1,
    ),
    monthDays: r.schedule?.monthDays ?? [new Date(anchorWall).getUTCDate()],
  };
  plans.set(input, p);
  return p;
}

/** Day numbers that may hold occurrences (Day, Week, Month), from `from` onwards (dir 1) or backwards (-1). */
function* candidateDays(p: Plan, from: number, dir: 1 | -1): Generator<number> {
  const n = p.interval;
  const round = dir === 1 ? t.ceilDiv : t.floorDiv;
  const ok = (day: number) => day >= p.anchorDay && (dir === 1 ? day >= from : day <= from);
  if (p.frequency === 'Day') {
    for (let d = p.anchorDay + Math.max(0, round(from - p.anchorDay, n)) * n; ; d += dir * n) {
      if (d < p.anchorDay) return;
      if (ok(d)) yield d;
    }
  }
  const monday = t.mondayOf(p.anchorDay);
  const first = t.monthIndexOf(p.anchorDay);
  const period = p.frequency === 'Week' ? 7 * n : n;
  let at = p.frequency === 'Week' ? t.mondayOf(from) - monday : t.monthIndexOf(from) - first;
  at = (dir === 1 ? Math.max(0, round(at, period)) : round(at, period)) * period;
  for (let i = 0; i < MAX_PERIODS && at >= 0; i++, at += dir * period) {
    const days =
      p.frequency === 'Week'
        ? p.weekDays.map((w) => monday + at + w - 1)
        : p.monthDays.filter((d) => d <= t.daysInMonth(first + at)).map((d) => t.dayNumber(first + at, d));
    for (const day of dir === 1 ? days : days.reverse()) if (ok(day)) yield day;
  }
}

/** Index of the first of `day`'s times whose instant is after `limit` (instants ascend with the times). */
function partition(p: Plan, day: number, limit: number): number {
  let lo = 0;
  let hi = p.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (instantOn(p, day, mid) > limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function instantOn(p: Plan, day: number, index: number): number {
  return p.zone.instantOf(day * t.DAY + (p.times[index] ?? 0));
}

/** The first occurrence strictly after `after`, or undefined when there is none before endTime. */
export function nextOccurrence(r: Recurrence, after: Date): Date | undefined {
  const p = plan(r);
  const limit = Math.max(after.getTime(), p.anchor - 1);
  let found: number | undefined;
  if (p.step !== undefined) {
    found = p.anchor + Math.max(0, t.floorDiv(limit - p.anchor, p.step) + 1) * p.step;
  } else {
    // Start a day early: the candidate day's instants may begin before its wall-clock date in UTC terms.
    for (const day of candidateDays(p, t.floorDiv(p.zone.wallOf(limit), t.DAY) - 1, 1)) {
      const i = partition(p, day, limit);
      if (i < p.times.length) {
        found = instantOn(p, day, i);
        break;
      }
    }
  }
  return found !== undefined && found <= p.end ? new Date(found) : undefined;
}

/** True when `at`, truncated to the second, is an occurrence. */
export function isOccurrence(r: Recurrence, at: Date): boolean {
  const second = Math.floor(at.getTime() / t.SECOND) * t.SECOND;
  return nextOccurrence(r, new Date(second - 1))?.getTime() === second;
}

/** The latest occurrence in (from, to], or undefined: used for one catch-up run after downtime. */
export function latestOccurrence(r: Recurrence, from: Date, to: Date): Date | undefined {
  const p = plan(r);
  const limit = Math.min(to.getTime(), p.end);
  if (limit < p.anchor) return undefined;
  let found: number | undefined;
  if (p.step !== undefined) {
    found = p.anchor + t.floorDiv(limit - p.anchor, p.step) * p.step;
  } else {
    for (const day of candidateDays(p, t.floorDiv(p.zone.wallOf(limit), t.DAY) + 1, -1)) {
      const i = partition(p, day, limit);
      if (i > 0) {
        found = instantOn(p, day, i - 1);
        break;
      }
    }
  }
  return found !== undefined && found >= p.anchor && found > from.getTime() ? new Date(found) : undefined;
}

/**
 * A 6-field NCRONTAB expression in UTC firing at least at every occurrence. Second, Minute and Hour
 * steps are absolute, so in any zone each field is the residue class the steps visit (e.g. every 10
 * seconds from second 5 is `5-59/10`). Day, Week and Month in UTC use the schedule's hours, minutes,
 * weekdays, month days and months; in other zones offsets and DST make that awkward, so they tick
 * every minute at the anchor's second (and at second 0, where a DST gap's end falls).
 */
export function tickSchedule(r: Recurrence): string {
  const p = plan(r);
  if (p.step !== undefined) {
    const s = p.step / t.SECOND;
    const a = new Date(p.anchor);
    const minute = s % 60 === 0 ? residue(a.getUTCMinutes(), s / 60, 60) : '*';
    const hour = s % 3600 === 0 ? residue(a.getUTCHours(), s / 3600, 24) : '*';
    return `${residue(a.getUTCSeconds(), s, 60)} ${minute} ${hour} * * *`;
  }
  if (!p.zone.utc) return `${p.second === 0 ? '0' : `0,${p.second}`} * * * * *`;
  const fields = [String(p.second), list(p.minutes, 60), list(p.hours, 24), '*', '*', '*'];
  if (p.frequency === 'Week')
    fields[5] = list(
      [...p.weekDays].map((d) => d % 7).sort((a, b) => a - b),
      7,
    );
  if (p.frequency === 'Month') {
    const g = t.gcd(p.interval, 12);
    const first = t.mod(t.monthIndexOf(p.anchorDay), 12);
    const months = [...Array(12).keys()].filter((m) => t.mod(m - first, g) === 0).map((m) => m + 1);
    fields[3] = list(p.monthDays, 31);
    fields[4] = list(months, 12);
  }
  return fields.join(' ');
}

/** The values `value + k·step (mod modulus)` as a cron field: a residue class modulo gcd(step, modulus). */
function residue(value: number, step: number, modulus: number): string {
  const g = t.gcd(step, modulus);
  if (g === 1) return '*';
  if (g === modulus) return String(value);
  const r = value % g;
  return r === 0 ? `*/${g}` : `${r}-${modulus - 1}/${g}`;
}

function list(values: readonly number[], all: number): string {
  return values.length === all ? '*' : values.join(',');
}
