/** The Recurrence trigger's schedule: parsing, occurrences per frequency, time zones and the timer's cron. */
import { describe, expect, it } from 'vitest';
import {
  isOccurrence,
  latestOccurrence,
  nextOccurrence,
  parseRecurrence,
  RecurrenceError,
  tickSchedule,
} from '../../src/functions/triggers/recurrence-schedule';
import type { Recurrence } from '../../src/functions/triggers/recurrence-schedule';
import * as cron from '../../src/host/timer/ncrontab';

const WEST_EUROPE = 'W. Europe Standard Time';
const INDIA = 'India Standard Time';
const PACIFIC = 'Pacific Standard Time';

/** Occurrences after `after`, each the next after the previous. */
function occurrences(r: Recurrence, after: string, count: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let at: Date | undefined = new Date(after);
  for (let i = 0; i < count && at; i++) {
    at = nextOccurrence(r, at);
    out.push(at?.toISOString());
  }
  return out;
}

const iso = (text: string) => new Date(text).toISOString();

describe('nextOccurrence in UTC', () => {
  it.each<{ case: string; r: Recurrence; after: string; next: string | undefined }>([
    // Second
    {
      case: 'every 10 seconds from the start',
      r: { frequency: 'Second', interval: 10, startTime: '2026-01-05T09:00:00Z' },
      after: '2026-01-05T09:00:03Z',
      next: '2026-01-05T09:00:10Z',
    },
    {
      case: 'every 10 seconds keeps the start second',
      r: { frequency: 'Second', interval: 10, startTime: '2026-01-05T09:00:05Z' },
      after: '2026-01-05T09:00:05Z',
      next: '2026-01-05T09:00:15Z',
    },
    {
      case: 'every 7 seconds without a start counts from the epoch',
      r: { frequency: 'Second', interval: 7 },
      after: '2026-01-01T00:00:00Z',
      next: '2026-01-01T00:00:07Z',
    },
    {
      case: 'a start in the future is the first occurrence',
      r: { frequency: 'Second', interval: 30, startTime: '2026-01-05T09:00:00Z' },
      after: '2025-12-31T00:00:00Z',
      next: '2026-01-05T09:00:00Z',
    },
    // Minute
    {
      case: 'every 15 minutes from 09:07',
      r: { frequency: 'Minute', interval: 15, startTime: '2026-01-05T09:07:00Z' },
      after: '2026-01-05T10:00:00Z',
      next: '2026-01-05T10:07:00Z',
    },
    {
      case: 'every minute rounds up to the next whole minute',
      r: { frequency: 'Minute', interval: 1 },
      after: '2026-03-01T12:34:56.789Z',
      next: '2026-03-01T12:35:00Z',
    },
    {
      case: 'every 90 minutes crosses hours',
      r: { frequency: 'Minute', interval: 90, startTime: '2026-01-05T00:00:30Z' },
      after: '2026-01-05T02:00:00Z',
      next: '2026-01-05T03:00:30Z',
    },
    // Hour
    {
      case: 'hourly at the start minute',
      r: { frequency: 'Hour', interval: 1, startTime: '2026-01-05T09:15:00Z' },
      after: '2026-01-06T13:20:00Z',
      next: '2026-01-06T14:15:00Z',
    },
    {
      case: 'every 5 hours crosses midnight',
      r: { frequency: 'Hour', interval: 5, startTime: '2026-01-05T09:00:00Z' },
      after: '2026-01-06T09:00:00Z',
      next: '2026-01-06T10:00:00Z',
    },
    // Day
    {
      case: 'daily at the start time',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:30:00Z' },
      after: '2026-01-05T09:30:00Z',
      next: '2026-01-06T09:30:00Z',
    },
    {
      case: 'every 3 days at hours × minutes skips to the next third day',
      r: {
        frequency: 'Day',
        interval: 3,
        startTime: '2026-01-05T08:00:00Z',
        schedule: { hours: [9, 17], minutes: [0, 30] },
      },
      after: '2026-01-05T17:45:00Z',
      next: '2026-01-08T09:00:00Z',
    },
    {
      case: 'the schedule times on the start day count when not before the start',
      r: {
        frequency: 'Day',
        interval: 3,
        startTime: '2026-01-05T08:00:00Z',
        schedule: { hours: [9, 17], minutes: [0, 30] },
      },
      after: '2026-01-05T07:00:00Z',
      next: '2026-01-05T09:00:00Z',
    },
    {
      case: 'the next time of day on the same day',
      r: {
        frequency: 'Day',
        interval: 3,
        startTime: '2026-01-05T08:00:00Z',
        schedule: { hours: [9, 17], minutes: [0, 30] },
      },
      after: '2026-01-05T09:10:00Z',
      next: '2026-01-05T09:30:00Z',
    },
    {
      case: 'hours without minutes use the start minute, and times before the start are skipped',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T10:00:00Z', schedule: { hours: [9, 12] } },
      after: '2026-01-01T00:00:00Z',
      next: '2026-01-05T12:00:00Z',
    },
    {
      case: 'daily without a start is midnight',
      r: { frequency: 'Day', interval: 1 },
      after: '2026-02-10T00:00:00Z',
      next: '2026-02-11T00:00:00Z',
    },
    {
      case: 'every 2 days without a start counts days from 1970-01-01',
      r: { frequency: 'Day', interval: 2, schedule: { hours: [6] } },
      after: '2026-02-10T07:00:00Z',
      next: '2026-02-12T06:00:00Z',
    },
    // Week
    {
      case: 'weekly on Monday and Friday goes to Friday',
      r: {
        frequency: 'Week',
        interval: 1,
        startTime: '2026-01-05T09:00:00Z',
        schedule: { weekDays: ['Monday', 'Friday'], hours: [9, 17] },
      },
      after: '2026-01-05T17:00:00Z',
      next: '2026-01-09T09:00:00Z',
    },
    {
      case: 'every 2 weeks skips the week after the start week',
      r: {
        frequency: 'Week',
        interval: 2,
        startTime: '2026-01-07T10:00:00Z',
        schedule: { weekDays: ['Monday', 'Wednesday'] },
      },
      after: '2026-01-07T10:00:00Z',
      next: '2026-01-19T10:00:00Z',
    },
    {
      case: 'weekly without weekDays uses the start weekday',
      r: { frequency: 'Week', interval: 1, startTime: '2026-01-08T07:45:00Z' },
      after: '2026-01-08T07:45:00Z',
      next: '2026-01-15T07:45:00Z',
    },
    {
      case: 'weekly without a start is Thursday midnight, the epoch weekday',
      r: { frequency: 'Week', interval: 1 },
      after: '2026-01-02T00:00:00Z',
      next: '2026-01-08T00:00:00Z',
    },
    // Month
    {
      case: 'monthly on the 31st skips February',
      r: { frequency: 'Month', interval: 1, startTime: '2026-01-31T12:00:00Z' },
      after: '2026-01-31T12:00:00Z',
      next: '2026-03-31T12:00:00Z',
    },
    {
      case: 'monthDays 1, 15 and 31 after the 15th of February is the 1st of March',
      r: {
        frequency: 'Month',
        interval: 1,
        startTime: '2026-01-15T08:00:00Z',
        schedule: { monthDays: [1, 15, 31] },
      },
      after: '2026-02-15T08:00:00Z',
      next: '2026-03-01T08:00:00Z',
    },
    {
      case: 'every 12 months on 29 February waits for a leap year',
      r: { frequency: 'Month', interval: 12, startTime: '2024-02-29T00:00:00Z' },
      after: '2024-02-29T00:00:00Z',
      next: '2028-02-29T00:00:00Z',
    },
    {
      case: 'every 3 months at 06:00 and 18:00',
      r: { frequency: 'Month', interval: 3, startTime: '2026-01-10T06:00:00Z', schedule: { hours: [6, 18] } },
      after: '2026-01-10T18:00:00Z',
      next: '2026-04-10T06:00:00Z',
    },
    {
      case: 'every 12 months from April on the 31st never occurs',
      r: {
        frequency: 'Month',
        interval: 12,
        startTime: '2026-04-01T00:00:00Z',
        schedule: { monthDays: [31] },
      },
      after: '2026-01-01T00:00:00Z',
      next: undefined,
    },
    // endTime
    {
      case: 'endTime is inclusive',
      r: {
        frequency: 'Day',
        interval: 1,
        startTime: '2026-01-05T09:00:00Z',
        endTime: '2026-01-07T09:00:00Z',
      },
      after: '2026-01-06T09:00:00Z',
      next: '2026-01-07T09:00:00Z',
    },
    {
      case: 'nothing after endTime',
      r: {
        frequency: 'Day',
        interval: 1,
        startTime: '2026-01-05T09:00:00Z',
        endTime: '2026-01-07T09:00:00Z',
      },
      after: '2026-01-07T09:00:00Z',
      next: undefined,
    },
    {
      case: 'nothing after endTime for minutes',
      r: { frequency: 'Minute', interval: 5, endTime: '2026-01-01T00:10:00Z' },
      after: '2026-01-01T00:10:00Z',
      next: undefined,
    },
  ])('$case', ({ r, after, next }) => {
    expect(nextOccurrence(r, new Date(after))?.toISOString()).toBe(next && iso(next));
  });
});

describe('sequences of occurrences', () => {
  it.each<{ case: string; r: Recurrence; after: string; expected: string[] }>([
    {
      case: 'every 2 weeks on Monday and Wednesday',
      r: {
        frequency: 'Week',
        interval: 2,
        startTime: '2026-01-07T10:00:00Z',
        schedule: { weekDays: ['Monday', 'Wednesday'] },
      },
      after: '2026-01-01T00:00:00Z',
      expected: [
        '2026-01-07T10:00:00Z',
        '2026-01-19T10:00:00Z',
        '2026-01-21T10:00:00Z',
        '2026-02-02T10:00:00Z',
        '2026-02-04T10:00:00Z',
      ],
    },
    {
      case: 'monthly on the 31st only in months that have one',
      r: { frequency: 'Month', interval: 1, startTime: '2026-01-31T12:00:00Z' },
      after: '2026-01-01T00:00:00Z',
      expected: [
        '2026-01-31T12:00:00Z',
        '2026-03-31T12:00:00Z',
        '2026-05-31T12:00:00Z',
        '2026-07-31T12:00:00Z',
        '2026-08-31T12:00:00Z',
      ],
    },
    {
      case: 'every 2 months on monthDays 31 from January',
      r: {
        frequency: 'Month',
        interval: 2,
        startTime: '2026-01-01T00:00:00Z',
        schedule: { monthDays: [31] },
      },
      after: '2026-01-01T00:00:00Z',
      expected: [
        '2026-01-31T00:00:00Z',
        '2026-03-31T00:00:00Z',
        '2026-05-31T00:00:00Z',
        '2026-07-31T00:00:00Z',
        '2027-01-31T00:00:00Z',
      ],
    },
    {
      case: 'W. Europe daily at 09:00 keeps the wall clock across the March DST switch',
      r: {
        frequency: 'Day',
        interval: 1,
        startTime: '2026-03-27T09:00:00',
        timeZone: WEST_EUROPE,
        schedule: { hours: [9], minutes: [0] },
      },
      after: '2026-03-27T00:00:00Z',
      expected: [
        '2026-03-27T08:00:00Z',
        '2026-03-28T08:00:00Z',
        '2026-03-29T07:00:00Z',
        '2026-03-30T07:00:00Z',
      ],
    },
    {
      case: 'W. Europe daily at 02:30 fires at 03:00 CEST when 02:30 does not exist',
      r: { frequency: 'Day', interval: 1, startTime: '2026-03-27T02:30:00', timeZone: WEST_EUROPE },
      after: '2026-03-27T00:00:00Z',
      expected: [
        '2026-03-27T01:30:00Z',
        '2026-03-28T01:30:00Z',
        '2026-03-29T01:00:00Z',
        '2026-03-30T00:30:00Z',
      ],
    },
    {
      case: 'W. Europe daily at 02:30 fires once on the October night it happens twice',
      r: { frequency: 'Day', interval: 1, startTime: '2026-10-24T02:30:00', timeZone: WEST_EUROPE },
      after: '2026-10-24T00:00:00Z',
      expected: ['2026-10-24T00:30:00Z', '2026-10-25T00:30:00Z', '2026-10-26T01:30:00Z'],
    },
    {
      case: 'India Standard Time daily at 09:00 is 03:30 UTC',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:00:00', timeZone: INDIA },
      after: '2026-01-05T00:00:00Z',
      expected: ['2026-01-05T03:30:00Z', '2026-01-06T03:30:00Z', '2026-01-07T03:30:00Z'],
    },
    {
      case: 'India Standard Time hourly without a start is at half past each UTC hour',
      r: { frequency: 'Hour', interval: 1, timeZone: INDIA },
      after: '2026-01-05T10:00:00Z',
      expected: ['2026-01-05T10:30:00Z', '2026-01-05T11:30:00Z'],
    },
    {
      case: 'Pacific weekly on Monday at 08:00 follows PDT from March',
      r: {
        frequency: 'Week',
        interval: 1,
        startTime: '2026-01-05T08:00:00',
        timeZone: PACIFIC,
        schedule: { weekDays: ['Monday'] },
      },
      after: '2026-02-28T00:00:00Z',
      expected: ['2026-03-02T16:00:00Z', '2026-03-09T15:00:00Z', '2026-03-16T15:00:00Z'],
    },
    {
      case: 'every 24 hours counts elapsed hours, so the wall clock moves at DST',
      r: { frequency: 'Hour', interval: 24, startTime: '2026-03-28T09:00:00', timeZone: WEST_EUROPE },
      after: '2026-03-28T00:00:00Z',
      expected: ['2026-03-28T08:00:00Z', '2026-03-29T08:00:00Z', '2026-03-30T08:00:00Z'],
    },
    {
      case: 'a startTime with an offset is an instant, read in the zone for the time of day',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T08:00:00Z', timeZone: WEST_EUROPE },
      after: '2026-03-27T00:00:00Z',
      expected: ['2026-03-27T08:00:00Z', '2026-03-28T08:00:00Z', '2026-03-29T07:00:00Z'],
    },
    {
      case: 'every 2 days in India from a start two days ahead',
      r: { frequency: 'Day', interval: 2, startTime: '2026-01-07T00:15:00', timeZone: INDIA },
      after: '2026-01-01T00:00:00Z',
      expected: ['2026-01-06T18:45:00Z', '2026-01-08T18:45:00Z', '2026-01-10T18:45:00Z'],
    },
  ])('$case', ({ r, after, expected }) => {
    expect(occurrences(r, after, expected.length)).toEqual(expected.map(iso));
  });
});

describe('isOccurrence', () => {
  const daily: Recurrence = { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:30:00Z' };
  const fortnightly: Recurrence = {
    frequency: 'Week',
    interval: 2,
    startTime: '2026-01-07T10:00:00Z',
    schedule: { weekDays: ['Monday', 'Wednesday'] },
  };
  const berlin: Recurrence = {
    frequency: 'Day',
    interval: 1,
    startTime: '2026-10-24T02:30:00',
    timeZone: WEST_EUROPE,
  };
  it.each<{ case: string; r: Recurrence; at: string; expected: boolean }>([
    { case: 'the scheduled second is an occurrence', r: daily, at: '2026-01-06T09:30:00Z', expected: true },
    {
      case: 'milliseconds within the scheduled second still count',
      r: daily,
      at: '2026-01-06T09:30:00.400Z',
      expected: true,
    },
    { case: 'the second after is not', r: daily, at: '2026-01-06T09:30:01Z', expected: false },
    { case: 'the day before the start is not', r: daily, at: '2026-01-04T09:30:00Z', expected: false },
    {
      case: 'a Monday in the off week of a fortnightly schedule is not',
      r: fortnightly,
      at: '2026-01-12T10:00:00Z',
      expected: false,
    },
    { case: 'a Monday in an on week is', r: fortnightly, at: '2026-01-19T10:00:00Z', expected: true },
    {
      case: 'the first pass of a repeated wall-clock time is',
      r: berlin,
      at: '2026-10-25T00:30:00Z',
      expected: true,
    },
    {
      case: 'the second pass of a repeated wall-clock time is not',
      r: berlin,
      at: '2026-10-25T01:30:00Z',
      expected: false,
    },
  ])('$case', ({ r, at, expected }) => {
    expect(isOccurrence(r, new Date(at))).toBe(expected);
  });
});

describe('latestOccurrence for a catch-up run', () => {
  it.each<{ case: string; r: Recurrence; from: string; to: string; latest: string | undefined }>([
    {
      case: 'hourly: the last hour passed',
      r: { frequency: 'Hour', interval: 1, startTime: '2026-01-05T09:15:00Z' },
      from: '2026-01-05T10:00:00Z',
      to: '2026-01-05T13:00:00Z',
      latest: '2026-01-05T12:15:00Z',
    },
    {
      case: 'every 10 seconds: the last tick in the window',
      r: { frequency: 'Second', interval: 10, startTime: '2026-01-05T09:00:05Z' },
      from: '2026-01-05T09:00:00Z',
      to: '2026-01-05T09:01:00Z',
      latest: '2026-01-05T09:00:55Z',
    },
    {
      case: 'daily at two times: the morning one of the last day',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:30:00Z', schedule: { hours: [9, 17] } },
      from: '2026-01-05T12:00:00Z',
      to: '2026-01-07T12:00:00Z',
      latest: '2026-01-07T09:30:00Z',
    },
    {
      case: 'the upper bound is inclusive',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:30:00Z' },
      from: '2026-01-05T12:00:00Z',
      to: '2026-01-07T09:30:00Z',
      latest: '2026-01-07T09:30:00Z',
    },
    {
      case: 'the lower bound is exclusive',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:30:00Z' },
      from: '2026-01-07T09:30:00Z',
      to: '2026-01-08T09:00:00Z',
      latest: undefined,
    },
    {
      case: 'nothing before the start',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:30:00Z' },
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-05T09:00:00Z',
      latest: undefined,
    },
    {
      case: 'endTime caps the window',
      r: {
        frequency: 'Day',
        interval: 1,
        startTime: '2026-01-05T09:30:00Z',
        endTime: '2026-01-10T00:00:00Z',
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      latest: '2026-01-09T09:30:00Z',
    },
    {
      case: 'monthly on the 31st: none in April and May up to the 30th',
      r: { frequency: 'Month', interval: 1, startTime: '2026-01-31T12:00:00Z' },
      from: '2026-04-01T00:00:00Z',
      to: '2026-05-30T00:00:00Z',
      latest: undefined,
    },
    {
      case: 'monthly on the 31st: May 31 once June has begun',
      r: { frequency: 'Month', interval: 1, startTime: '2026-01-31T12:00:00Z' },
      from: '2026-04-01T00:00:00Z',
      to: '2026-06-15T00:00:00Z',
      latest: '2026-05-31T12:00:00Z',
    },
    {
      case: 'every 2 weeks: none in an off week',
      r: {
        frequency: 'Week',
        interval: 2,
        startTime: '2026-01-07T10:00:00Z',
        schedule: { weekDays: ['Monday', 'Wednesday'] },
      },
      from: '2026-01-22T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      latest: undefined,
    },
    {
      case: 'every 2 weeks: the Wednesday of the on week',
      r: {
        frequency: 'Week',
        interval: 2,
        startTime: '2026-01-07T10:00:00Z',
        schedule: { weekDays: ['Monday', 'Wednesday'] },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-31T00:00:00Z',
      latest: '2026-01-21T10:00:00Z',
    },
    {
      case: 'W. Europe daily at 09:00 on the DST Sunday',
      r: { frequency: 'Day', interval: 1, startTime: '2026-03-27T09:00:00', timeZone: WEST_EUROPE },
      from: '2026-03-28T12:00:00Z',
      to: '2026-03-29T12:00:00Z',
      latest: '2026-03-29T07:00:00Z',
    },
  ])('$case', ({ r, from, to, latest }) => {
    expect(latestOccurrence(r, new Date(from), new Date(to))?.toISOString()).toBe(latest && iso(latest));
  });
});

describe('tickSchedule', () => {
  it.each<{ case: string; r: Recurrence; cron: string }>([
    {
      case: 'daily at 09:30 UTC',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:30:00Z' },
      cron: '0 30 9 * * *',
    },
    {
      case: 'weekly on Monday and Friday at 9 and 17 UTC',
      r: {
        frequency: 'Week',
        interval: 1,
        startTime: '2026-01-05T09:00:00Z',
        schedule: { weekDays: ['Monday', 'Friday'], hours: [9, 17] },
      },
      cron: '0 0 9,17 * * 1,5',
    },
    {
      case: 'weekly on Sunday',
      r: { frequency: 'Week', interval: 3, startTime: '2026-01-04T06:00:00Z' },
      cron: '0 0 6 * * 0',
    },
    {
      case: 'hourly at minute 15',
      r: { frequency: 'Hour', interval: 1, startTime: '2026-01-05T09:15:00Z' },
      cron: '0 15 * * * *',
    },
    {
      case: 'every 6 hours from 09:00',
      r: { frequency: 'Hour', interval: 6, startTime: '2026-01-05T09:00:00Z' },
      cron: '0 0 3-23/6 * * *',
    },
    {
      case: 'every 5 hours visits every hour',
      r: { frequency: 'Hour', interval: 5, startTime: '2026-01-05T09:00:00Z' },
      cron: '0 0 * * * *',
    },
    {
      case: 'every 48 hours is a fixed hour',
      r: { frequency: 'Hour', interval: 48, startTime: '2026-01-05T09:00:00Z' },
      cron: '0 0 9 * * *',
    },
    {
      case: 'every 10 seconds from second 0',
      r: { frequency: 'Second', interval: 10, startTime: '2026-01-05T09:00:00Z' },
      cron: '*/10 * * * * *',
    },
    {
      case: 'every 10 seconds from second 5',
      r: { frequency: 'Second', interval: 10, startTime: '2026-01-05T09:00:05Z' },
      cron: '5-59/10 * * * * *',
    },
    {
      case: 'every 7 seconds ticks every second',
      r: { frequency: 'Second', interval: 7 },
      cron: '* * * * * *',
    },
    {
      case: 'every 90 seconds',
      r: { frequency: 'Second', interval: 90, startTime: '2026-01-05T00:00:00Z' },
      cron: '*/30 * * * * *',
    },
    {
      case: 'every 15 minutes from minute 7',
      r: { frequency: 'Minute', interval: 15, startTime: '2026-01-05T09:07:00Z' },
      cron: '0 7-59/15 * * * *',
    },
    { case: 'every minute', r: { frequency: 'Minute', interval: 1 }, cron: '0 * * * * *' },
    {
      case: 'every 90 minutes from second 30',
      r: { frequency: 'Minute', interval: 90, startTime: '2026-01-05T00:00:30Z' },
      cron: '30 */30 * * * *',
    },
    {
      case: 'monthly on three days',
      r: {
        frequency: 'Month',
        interval: 1,
        startTime: '2026-01-15T08:00:00Z',
        schedule: { monthDays: [1, 15, 31] },
      },
      cron: '0 0 8 1,15,31 * *',
    },
    {
      case: 'quarterly lists the months',
      r: { frequency: 'Month', interval: 3, startTime: '2026-01-10T06:00:00Z', schedule: { hours: [6, 18] } },
      cron: '0 0 6,18 10 1,4,7,10 *',
    },
    {
      case: 'yearly on 29 February',
      r: { frequency: 'Month', interval: 12, startTime: '2024-02-29T00:00:00Z' },
      cron: '0 0 0 29 2 *',
    },
    {
      case: 'every hour of the day is a star',
      r: { frequency: 'Day', interval: 1, schedule: { hours: [...Array(24).keys()], minutes: [0] } },
      cron: '0 0 * * * *',
    },
    {
      case: 'a day schedule in W. Europe ticks every minute',
      r: { frequency: 'Day', interval: 1, startTime: '2026-03-27T09:00:00', timeZone: WEST_EUROPE },
      cron: '0 * * * * *',
    },
    {
      case: 'a zoned start second also ticks at second 0 for DST gaps',
      r: { frequency: 'Day', interval: 1, startTime: '2026-01-05T09:00:07', timeZone: WEST_EUROPE },
      cron: '0,7 * * * * *',
    },
    {
      case: 'hourly in India is tight in UTC',
      r: { frequency: 'Hour', interval: 1, timeZone: INDIA },
      cron: '0 30 * * * *',
    },
    {
      case: 'every 15 seconds in W. Europe',
      r: { frequency: 'Second', interval: 15, startTime: '2026-01-05T09:00:00', timeZone: WEST_EUROPE },
      cron: '*/15 * * * * *',
    },
  ])('$case', ({ r, cron: expected }) => {
    expect(tickSchedule(r)).toBe(expected);
  });

  it.each<{ case: string; r: Recurrence; from: string; to: string }>([
    {
      case: 'every 10 seconds from second 5',
      r: { frequency: 'Second', interval: 10, startTime: '2026-01-05T09:00:05Z' },
      from: '2026-01-05T09:00:00Z',
      to: '2026-01-05T09:05:00Z',
    },
    {
      case: 'every 90 seconds',
      r: { frequency: 'Second', interval: 90, startTime: '2026-01-05T00:00:00Z' },
      from: '2026-01-05T00:00:00Z',
      to: '2026-01-05T00:30:00Z',
    },
    {
      case: 'every 7 seconds',
      r: { frequency: 'Second', interval: 7 },
      from: '2026-01-05T00:00:00Z',
      to: '2026-01-05T00:05:00Z',
    },
    {
      case: 'every 15 minutes from minute 7',
      r: { frequency: 'Minute', interval: 15, startTime: '2026-01-05T09:07:00Z' },
      from: '2026-01-05T00:00:00Z',
      to: '2026-02-05T00:00:00Z',
    },
    {
      case: 'every 90 minutes from second 30',
      r: { frequency: 'Minute', interval: 90, startTime: '2026-01-05T00:00:30Z' },
      from: '2026-01-05T00:00:00Z',
      to: '2026-02-05T00:00:00Z',
    },
    {
      case: 'every 6 hours from 09:00',
      r: { frequency: 'Hour', interval: 6, startTime: '2026-01-05T09:00:00Z' },
      from: '2026-01-05T00:00:00Z',
      to: '2026-02-05T00:00:00Z',
    },
    {
      case: 'hourly in India',
      r: { frequency: 'Hour', interval: 1, timeZone: INDIA },
      from: '2026-01-05T00:00:00Z',
      to: '2026-02-05T00:00:00Z',
    },
    {
      case: 'every 3 days at hours × minutes',
      r: {
        frequency: 'Day',
        interval: 3,
        startTime: '2026-01-05T08:00:00Z',
        schedule: { hours: [9, 17], minutes: [0, 30] },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
    },
    {
      case: 'weekly on Monday and Friday at 9 and 17',
      r: {
        frequency: 'Week',
        interval: 1,
        startTime: '2026-01-05T09:00:00Z',
        schedule: { weekDays: ['Monday', 'Friday'], hours: [9, 17] },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
    },
    {
      case: 'every 2 weeks on Sunday',
      r: {
        frequency: 'Week',
        interval: 2,
        startTime: '2026-01-04T06:00:00Z',
        schedule: { weekDays: ['Sunday'] },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-03-01T00:00:00Z',
    },
    {
      case: 'quarterly at 06:00 and 18:00',
      r: { frequency: 'Month', interval: 3, startTime: '2026-01-10T06:00:00Z', schedule: { hours: [6, 18] } },
      from: '2026-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
    },
    {
      case: 'monthly on the 31st',
      r: {
        frequency: 'Month',
        interval: 1,
        startTime: '2026-01-31T12:00:00Z',
        schedule: { monthDays: [1, 31] },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-06-01T00:00:00Z',
    },
    {
      case: 'W. Europe daily over the March DST switch',
      r: {
        frequency: 'Day',
        interval: 1,
        startTime: '2026-03-15T02:30:07',
        timeZone: WEST_EUROPE,
        schedule: { hours: [2, 9], minutes: [30] },
      },
      from: '2026-03-15T00:00:00Z',
      to: '2026-04-15T00:00:00Z',
    },
    {
      case: 'Pacific weekly over the March DST switch',
      r: {
        frequency: 'Week',
        interval: 1,
        startTime: '2026-01-05T08:00:00',
        timeZone: PACIFIC,
        schedule: { weekDays: ['Monday', 'Sunday'], hours: [2, 8] },
      },
      from: '2026-02-20T00:00:00Z',
      to: '2026-03-20T00:00:00Z',
    },
    {
      case: 'India monthly',
      r: {
        frequency: 'Month',
        interval: 1,
        startTime: '2026-01-31T23:45:00',
        timeZone: INDIA,
        schedule: { monthDays: [1, 30] },
      },
      from: '2026-01-01T00:00:00Z',
      to: '2026-05-01T00:00:00Z',
    },
  ])('every occurrence of $case matches its tick schedule and is recognised', ({ r, from, to }) => {
    const schedule = cron.parseSchedule(tickSchedule(r));
    const end = new Date(to).getTime();
    let previous = new Date(from);
    let count = 0;
    for (let at = nextOccurrence(r, previous); at && at.getTime() <= end; at = nextOccurrence(r, at)) {
      expect(cron.nextOccurrence(schedule, new Date(at.getTime() - 1000))?.toISOString()).toBe(
        at.toISOString(),
      );
      expect(isOccurrence(r, at)).toBe(true);
      expect(latestOccurrence(r, previous, at)?.toISOString()).toBe(at.toISOString());
      expect(at.getTime()).toBeGreaterThan(previous.getTime());
      previous = at;
      count++;
    }
    expect(count).toBeGreaterThan(1);
  });
});

describe('efficiency', () => {
  it('finds the next occurrence of a yearly schedule within a few milliseconds', () => {
    const r: Recurrence = {
      frequency: 'Month',
      interval: 12,
      startTime: '2024-02-29T00:00:00',
      timeZone: WEST_EUROPE,
    };
    nextOccurrence(r, new Date('2024-03-01T00:00:00Z')); // compile and warm up
    const started = performance.now();
    const next = nextOccurrence(r, new Date('2024-03-01T00:00:00Z'));
    expect(performance.now() - started).toBeLessThan(20);
    expect(next?.toISOString()).toBe('2028-02-28T23:00:00.000Z');
  });

  it('gives up on a monthly schedule that can never occur quickly', () => {
    const r: Recurrence = {
      frequency: 'Month',
      interval: 12,
      startTime: '2026-04-01T00:00:00Z',
      schedule: { monthDays: [31] },
    };
    const started = performance.now();
    expect(
      latestOccurrence(r, new Date('2026-01-01T00:00:00Z'), new Date('2126-01-01T00:00:00Z')),
    ).toBeUndefined();
    expect(nextOccurrence(r, new Date('2026-01-01T00:00:00Z'))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('parseRecurrence', () => {
  it.each<{ case: string; input: unknown; expected: Recurrence }>([
    {
      case: 'frequency in any case becomes canonical',
      input: { frequency: 'day', interval: 1 },
      expected: { frequency: 'Day', interval: 1 },
    },
    {
      case: 'weekDays become canonical, in week order, without duplicates',
      input: { frequency: 'WEEK', interval: 2, schedule: { weekDays: ['friday', 'MONDAY', 'Friday'] } },
      expected: { frequency: 'Week', interval: 2, schedule: { weekDays: ['Monday', 'Friday'] } },
    },
    {
      case: 'hours and minutes are sorted without duplicates; empty lists are dropped',
      input: { frequency: 'Day', interval: 1, schedule: { hours: [17, 9, 9], minutes: [], monthDays: [] } },
      expected: { frequency: 'Day', interval: 1, schedule: { hours: [9, 17] } },
    },
    {
      case: 'times and time zone are kept as written',
      input: {
        frequency: 'Month',
        interval: 1,
        startTime: '2026-01-05T09:00:00',
        endTime: '2027-01-05T09:00:00',
        timeZone: WEST_EUROPE,
        schedule: {},
      },
      expected: {
        frequency: 'Month',
        interval: 1,
        startTime: '2026-01-05T09:00:00',
        endTime: '2027-01-05T09:00:00',
        timeZone: WEST_EUROPE,
      },
    },
    {
      case: 'an IANA time zone is accepted',
      input: { frequency: 'Hour', interval: 3, timeZone: 'Asia/Kolkata' },
      expected: { frequency: 'Hour', interval: 3, timeZone: 'Asia/Kolkata' },
    },
  ])('$case', ({ input, expected }) => {
    expect(parseRecurrence(input)).toEqual(expected);
  });

  it.each<{ case: string; input: unknown; pointer: string; message: RegExp }>([
    {
      case: 'a recurrence that is not an object',
      input: 'daily',
      pointer: '/recurrence',
      message: /expected an object, found "daily"/,
    },
    {
      case: 'an unknown frequency',
      input: { frequency: 'Daily', interval: 1 },
      pointer: '/recurrence/frequency',
      message: /frequency: expected one of Second, Minute, Hour, Day, Week, Month .*found "Daily"/,
    },
    {
      case: 'a missing frequency',
      input: { interval: 1 },
      pointer: '/recurrence/frequency',
      message: /found nothing/,
    },
    {
      case: 'interval 0',
      input: { frequency: 'Day', interval: 0 },
      pointer: '/recurrence/interval',
      message: /interval: expected an integer >= 1, found 0/,
    },
    {
      case: 'a fractional interval',
      input: { frequency: 'Day', interval: 1.5 },
      pointer: '/recurrence/interval',
      message: /found 1.5/,
    },
    {
      case: 'a missing interval',
      input: { frequency: 'Day' },
      pointer: '/recurrence/interval',
      message: /expected an integer >= 1, found nothing/,
    },
    {
      case: 'an expression interval',
      input: { frequency: 'Day', interval: '@{x}' },
      pointer: '/recurrence/interval',
      message: /expressions are not supported.*'@\{x\}'/,
    },
    {
      case: 'an expression hour',
      input: { frequency: 'Day', interval: 1, schedule: { hours: ["@parameters('h')"] } },
      pointer: '/recurrence/schedule/hours/0',
      message: /expressions are not supported/,
    },
    {
      case: 'an unknown weekday',
      input: { frequency: 'Week', interval: 1, schedule: { weekDays: ['Monday', 'Mon'] } },
      pointer: '/recurrence/schedule/weekDays/1',
      message: /expected a weekday name \(Monday, .*Sunday\), found "Mon"/,
    },
    {
      case: 'an unknown time zone',
      input: { frequency: 'Day', interval: 1, timeZone: 'Mars Standard Time' },
      pointer: '/recurrence/timeZone',
      message: /expected a Windows or IANA time zone name .*found "Mars Standard Time"/,
    },
    {
      case: 'hour 24',
      input: { frequency: 'Day', interval: 1, schedule: { hours: [9, 24] } },
      pointer: '/recurrence/schedule/hours/1',
      message: /schedule\.hours\.1: expected an integer 0-23, found 24/,
    },
    {
      case: 'minute 60',
      input: { frequency: 'Day', interval: 1, schedule: { minutes: [60] } },
      pointer: '/recurrence/schedule/minutes/0',
      message: /expected an integer 0-59, found 60/,
    },
    {
      case: 'month day 0',
      input: { frequency: 'Month', interval: 1, schedule: { monthDays: [0] } },
      pointer: '/recurrence/schedule/monthDays/0',
      message: /expected an integer 1-31, found 0/,
    },
    {
      case: 'hours that are not a list',
      input: { frequency: 'Day', interval: 1, schedule: { hours: 9 } },
      pointer: '/recurrence/schedule/hours',
      message: /expected an array, found 9/,
    },
    {
      case: 'weekDays with a daily frequency',
      input: { frequency: 'Day', interval: 1, schedule: { weekDays: ['Monday'] } },
      pointer: '/recurrence/schedule/weekDays',
      message: /applies only to frequency Week; found frequency Day/,
    },
    {
      case: 'hours with a minute frequency',
      input: { frequency: 'Minute', interval: 1, schedule: { hours: [1] } },
      pointer: '/recurrence/schedule/hours',
      message: /applies only to frequency Day or Week or Month/,
    },
    {
      case: 'monthlyOccurrences',
      input: {
        frequency: 'Month',
        interval: 1,
        schedule: { monthlyOccurrences: [{ day: 'Friday', occurrence: 1 }] },
      },
      pointer: '/recurrence/schedule/monthlyOccurrences',
      message: /not supported/,
    },
    {
      case: 'a startTime that is not a date',
      input: { frequency: 'Day', interval: 1, startTime: 'tomorrow' },
      pointer: '/recurrence/startTime',
      message: /expected an ISO 8601 date-time .*found "tomorrow"/,
    },
    {
      case: 'an endTime before the startTime',
      input: {
        frequency: 'Day',
        interval: 1,
        startTime: '2026-01-05T09:00:00Z',
        endTime: '2026-01-04T09:00:00Z',
      },
      pointer: '/recurrence/endTime',
      message: /expected a time not before startTime/,
    },
  ])('rejects $case', ({ input, pointer, message }) => {
    let error: unknown;
    try {
      parseRecurrence(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecurrenceError);
    expect((error as RecurrenceError).pointer).toBe(pointer);
    expect((error as RecurrenceError).message).toMatch(message);
  });
});
