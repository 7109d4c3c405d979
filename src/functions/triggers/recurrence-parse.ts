/** Validation of a Recurrence trigger's `recurrence` object (see recurrence-schedule.ts). */
import { parseTime, resolveZone, Zone } from './recurrence-time';

export type Frequency = 'Second' | 'Minute' | 'Hour' | 'Day' | 'Week' | 'Month';

export interface Recurrence {
  readonly frequency: Frequency;
  /** Integer >= 1. */
  readonly interval: number;
  /** ISO; with timeZone it is wall-clock time in that zone (no offset), else UTC ('Z' or no offset). */
  readonly startTime?: string;
  readonly endTime?: string;
  /** Windows name ('Pacific Standard Time') or IANA; UTC when absent. */
  readonly timeZone?: string;
  readonly schedule?: {
    readonly hours?: readonly number[];
    readonly minutes?: readonly number[];
    readonly weekDays?: readonly string[];
    readonly monthDays?: readonly number[];
  };
}

/** A recurrence that cannot be scheduled; `pointer` is the JSON pointer of the field, e.g. `/recurrence/interval`. */
export class RecurrenceError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecurrenceError';
  }
}

export const FREQUENCIES: readonly Frequency[] = ['Second', 'Minute', 'Hour', 'Day', 'Week', 'Month'];
/** Canonical weekday names in ISO order: index + 1 is the ISO weekday (1 = Monday). */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const ROOT = '/recurrence';
/** Which frequencies each schedule field applies to. */
const APPLIES: Record<'hours' | 'minutes' | 'weekDays' | 'monthDays', readonly Frequency[]> = {
  hours: ['Day', 'Week', 'Month'],
  minutes: ['Day', 'Week', 'Month'],
  weekDays: ['Week'],
  monthDays: ['Month'],
};

/**
 * Validates and normalises a trigger's `recurrence` object: frequency and weekDays in canonical case,
 * schedule lists sorted without duplicates (an empty list counts as absent). Throws RecurrenceError
 * naming the field, what was expected and what was found. Expressions (`@...`) are not supported.
 */
export function parseRecurrence(value: unknown): Recurrence {
  const obj = object(value, ROOT);
  const raw = obj['frequency'];
  expressionCheck(raw, `${ROOT}/frequency`);
  const frequency = FREQUENCIES.find(
    (f) => typeof raw === 'string' && f.toLowerCase() === raw.trim().toLowerCase(),
  );
  if (!frequency) {
    fail(`${ROOT}/frequency`, `one of ${FREQUENCIES.join(', ')} (any letter case)`, raw);
  }
  const interval = integer(obj['interval'], `${ROOT}/interval`, 1, Number.MAX_SAFE_INTEGER);
  const zoneName = optional(obj['timeZone'], `${ROOT}/timeZone`, (v, p) => text(v, p, false));
  const iana = zoneName === undefined ? 'UTC' : resolveZone(zoneName);
  if (iana === undefined) {
    fail(`${ROOT}/timeZone`, "a Windows or IANA time zone name (e.g. 'W. Europe Standard Time')", zoneName);
  }
  const zone = new Zone(iana);
  const start = optional(obj['startTime'], `${ROOT}/startTime`, (v, p) => time(v, p, zone));
  const end = optional(obj['endTime'], `${ROOT}/endTime`, (v, p) => time(v, p, zone));
  if (start && end && end.instant < start.instant) {
    fail(`${ROOT}/endTime`, `a time not before startTime '${start.text}'`, end.text);
  }
  const schedule = optional(obj['schedule'], `${ROOT}/schedule`, (v, p) => parseSchedule(v, p, frequency));
  return {
    frequency,
    interval,
    ...(start && { startTime: start.text }),
    ...(end && { endTime: end.text }),
    ...(zoneName !== undefined && { timeZone: zoneName }),
    ...(schedule && Object.keys(schedule).length > 0 && { schedule }),
  };
}

function parseSchedule(
  value: unknown,
  pointer: string,
  frequency: Frequency,
): NonNullable<Recurrence['schedule']> {
  const obj = object(value, pointer);
  if (obj['monthlyOccurrences'] !== undefined) {
    throw new RecurrenceError(
      `${pointer}/monthlyOccurrences`,
      'schedule.monthlyOccurrences is not supported.',
    );
  }
  const list = <T>(key: keyof typeof APPLIES, item: (v: unknown, p: string) => T): T[] | undefined => {
    const raw = obj[key];
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) return undefined;
    if (!Array.isArray(raw)) fail(`${pointer}/${key}`, 'an array', raw);
    if (!APPLIES[key].includes(frequency)) {
      throw new RecurrenceError(
        `${pointer}/${key}`,
        `schedule.${key} applies only to frequency ${APPLIES[key].join(' or ')}; found frequency ${frequency}.`,
      );
    }
    return raw.map((v: unknown, i) => item(v, `${pointer}/${key}/${i}`));
  };
  const numbers = (key: 'hours' | 'minutes' | 'monthDays', min: number, max: number) =>
    unique(list(key, (v, p) => integer(v, p, min, max)));
  const weekDays = list('weekDays', (v, p) => {
    const day = WEEKDAYS.find((d) => d.toLowerCase() === text(v, p));
    return day ?? fail(p, `a weekday name (${WEEKDAYS.join(', ')})`, v);
  });
  const hours = numbers('hours', 0, 23);
  const minutes = numbers('minutes', 0, 59);
  const monthDays = numbers('monthDays', 1, 31);
  return {
    ...(hours && { hours }),
    ...(minutes && { minutes }),
    ...(weekDays && { weekDays: WEEKDAYS.filter((d) => weekDays.includes(d)) }),
    ...(monthDays && { monthDays }),
  };
}

function unique(values: number[] | undefined): number[] | undefined {
  return values && [...new Set(values)].sort((a, b) => a - b);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function fail(pointer: string, expected: string, found: unknown): never {
  const field = pointer.slice(ROOT.length + 1).replaceAll('/', '.') || 'recurrence';
  throw new RecurrenceError(pointer, `Recurrence ${field}: expected ${expected}, found ${describe(found)}.`);
}

function expressionCheck(value: unknown, pointer: string): void {
  if (typeof value === 'string' && value.trimStart().startsWith('@')) {
    throw new RecurrenceError(
      pointer,
      `Recurrence ${pointer.slice(ROOT.length + 1).replaceAll('/', '.')}: expressions are not supported in a recurrence (found '${value}'); write a literal value.`,
    );
  }
}

function object(value: unknown, pointer: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(pointer, 'an object', value);
  return value as Record<string, unknown>;
}

/** A string (lower-cased unless `keepCase`). */
function text(value: unknown, pointer: string, lower = true): string {
  expressionCheck(value, pointer);
  if (typeof value !== 'string' || value.trim() === '') fail(pointer, 'a non-empty string', value);
  return lower ? value.trim().toLowerCase() : value;
}

function integer(value: unknown, pointer: string, min: number, max: number): number {
  expressionCheck(value, pointer);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(
      pointer,
      max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer ${min}-${max}`,
      value,
    );
  }
  return value;
}

function time(value: unknown, pointer: string, zone: Zone): { text: string; instant: number } {
  const raw = text(value, pointer, false);
  const parsed = parseTime(raw);
  if (!parsed) fail(pointer, "an ISO 8601 date-time such as '2026-01-05T09:00:00'", value);
  return { text: raw, instant: zone.toInstant(parsed) };
}

function optional<T>(value: unknown, pointer: string, parse: (v: unknown, p: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : parse(value, pointer);
}
