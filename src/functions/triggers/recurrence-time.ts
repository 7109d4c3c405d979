/**
 * Wall-clock and calendar arithmetic for the Recurrence trigger (see recurrence-schedule.ts).
 *
 * A "wall" time is what a clock in the zone reads, written as milliseconds as if it were UTC
 * (`Date.UTC(y, m - 1, d, h, mi, s)`); an "instant" is real Unix milliseconds. A "day number" is a local
 * calendar date counted in days from 1970-01-01 (day 0, a Thursday).
 */
import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

export const SECOND = 1000;
export const DAY = 86_400_000;

/** The IANA name for a Windows or IANA time zone name, or undefined when neither knows it. */
export function resolveZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (IANAZone.isValidZone(trimmed)) return trimmed;
  const iana = findIana(trimmed)?.[0];
  return iana && IANAZone.isValidZone(iana) ? iana : undefined;
}

/** True for the names of plain UTC (no offset, no DST ever). */
export function isUtcZone(iana: string): boolean {
  return /^(etc\/)?(utc|uct|universal|zulu|gmt([+-]?0)?|greenwich)$/i.test(iana);
}

export type ParsedTime = { readonly wall: number } | { readonly instant: number };

/**
 * An ISO 8601 date-time, truncated to whole seconds: with an offset (`Z`, `+02:00`) it is an instant,
 * without one a wall time to read in the recurrence's zone. Undefined when the text is not ISO 8601.
 */
export function parseTime(text: string): ParsedTime | undefined {
  const dt = DateTime.fromISO(text.trim(), { zone: 'UTC', setZone: true });
  if (!dt.isValid) return undefined;
  const ms = Math.floor(dt.toMillis() / SECOND) * SECOND;
  return /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text.trim()) ? { instant: ms } : { wall: ms };
}

/** Offsets (minutes) of one zone; UTC is short-circuited. */
export class Zone {
  private readonly zone: IANAZone | undefined;
  constructor(readonly name: string) {
    this.zone = isUtcZone(name) ? undefined : IANAZone.create(name);
  }
  get utc(): boolean {
    return this.zone === undefined;
  }
  private offsetMs(instant: number): number {
    return this.zone ? this.zone.offset(instant) * 60_000 : 0;
  }
  wallOf(instant: number): number {
    return instant + this.offsetMs(instant);
  }
  toInstant(time: ParsedTime): number {
    return 'instant' in time ? time.instant : this.instantOf(time.wall);
  }
  /**
   * The instant at which the zone's clock reads `wall`. An ambiguous wall time (the repeated hour when
   * clocks fall back) resolves to its first pass, so it fires once. A nonexistent one (skipped when
   * clocks spring forward) resolves to the next valid instant, the end of the gap: a daily 02:30 in
   * Europe/Berlin fires at 03:00 CEST on the last Sunday of March. Assumes at most one offset change
   * within a day of `wall`. The mapping is monotone, which the schedule search relies on.
   */
  instantOf(wall: number): number {
    if (!this.zone) return wall;
    const offsets = [...new Set([wall - DAY, wall, wall + DAY].map((t) => this.offsetMs(t)))];
    const valid = offsets.map((o) => wall - o).filter((t) => this.wallOf(t) === wall);
    if (valid.length > 0) return Math.min(...valid);
    // In a gap: the smallest whole second whose wall time is at or past `wall`.
    let lo = wall - Math.max(...offsets); // reads before `wall`
    let hi = wall - Math.min(...offsets); // reads at or after `wall`
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
      if (this.wallOf(mid) >= wall) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
export function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b);
}
export function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function isoWeekday(day: number): number {
  return mod(day + 3, 7) + 1;
}
/** The Monday starting the week (Monday to Sunday) that holds `day`. */
export function mondayOf(day: number): number {
  return day - isoWeekday(day) + 1;
}
/** Months since January 1970 of a day number. */
export function monthIndexOf(day: number): number {
  const d = new Date(day * DAY);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}
export function daysInMonth(monthIndex: number): number {
  return new Date(Date.UTC(1970, monthIndex + 1, 0)).getUTCDate();
}
/** Day number of day-of-month `dayOfMonth` (1-based) in a month index. */
export function dayNumber(monthIndex: number, dayOfMonth: number): number {
  return Date.UTC(1970, monthIndex, dayOfMonth) / DAY;
}
