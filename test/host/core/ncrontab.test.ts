import { describe, expect, test } from 'vitest';
import { nextOccurrence, parseSchedule } from '../../../src/host/timer/ncrontab';
import { scheduleTimeZone } from '../../../src/host/timer/timeZone';
import { resolveAppSettings } from '../../../src/host/timer/timerValue';

describe('next occurrence of NCRONTAB schedules (UTC)', () => {
  test.each([
    ['0 */5 * * * *', '2024-01-01T10:02:30Z', '2024-01-01T10:05:00.000Z'],
    ['*/10 * * * * *', '2024-01-01T10:00:05Z', '2024-01-01T10:00:10.000Z'],
    ['0 0 * * * *', '2024-01-01T10:00:00Z', '2024-01-01T11:00:00.000Z'],
    ['0 0 * * * *', '2024-01-01T10:00:00.500Z', '2024-01-01T11:00:00.000Z'],
    ['0 30 9 * * 1-5', '2024-01-06T12:00:00Z', '2024-01-08T09:30:00.000Z'],
    ['0 0 12 * * Mon', '2024-01-01T13:00:00Z', '2024-01-08T12:00:00.000Z'],
    ['0 0 0 29 2 *', '2024-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 0 1 Jan *', '2024-06-01T00:00:00Z', '2025-01-01T00:00:00.000Z'],
    ['0 15,45 * * * *', '2024-01-01T10:20:00Z', '2024-01-01T10:45:00.000Z'],
    ['0 0 0 31 * *', '2024-04-01T00:00:00Z', '2024-05-31T00:00:00.000Z'],
    ['0 0 0 13 * 5', '2024-01-01T00:00:00Z', '2024-09-13T00:00:00.000Z'],
    ['0 0 1-5/2 * * *', '2024-01-01T01:30:00Z', '2024-01-01T03:00:00.000Z'],
    ['0 0 9-17 * * *', '2024-01-01T17:00:00Z', '2024-01-02T09:00:00.000Z'],
    ['5 4 3 2 1 *', '2024-12-31T23:59:59Z', '2025-01-02T03:04:05.000Z'],
    ['*/15 * * * *', '2024-01-01T10:07:00Z', '2024-01-01T10:15:00.000Z'],
    ['00:05:00', '2024-01-01T10:07:00Z', '2024-01-01T10:12:00.000Z'],
    ['1.00:00:00', '2024-01-01T10:07:00Z', '2024-01-02T10:07:00.000Z'],
  ])('%s after %s is %s', (schedule, after, expected) => {
    expect(nextOccurrence(parseSchedule(schedule), new Date(after))?.toISOString()).toBe(expected);
  });

  test('an impossible date has no occurrence', () => {
    expect(nextOccurrence(parseSchedule('0 0 0 30 2 *'), new Date('2024-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('invalid schedules are rejected with the field and range', () => {
  test.each([
    ['* * * *', /has 4 field\(s\); expected 6/],
    ['61 * * * * *', /second field '61' is out of range \(allowed 0-59\)/],
    ['0 0 25 * * *', /hour field '25' is out of range/],
    ['0 */0 * * * *', /minute field '\*\/0' has an invalid step/],
    ['x * * * * *', /second field 'x' has an invalid value 'x'/],
    ['0 0 0 * * 7', /day-of-week field '7' is out of range \(allowed 0-6\)/],
    ['0 0 0 * 13 *', /month field '13' is out of range/],
  ])('%s', (schedule, message) => {
    expect(() => parseSchedule(schedule)).toThrow(message);
  });
});

test('%Setting% in a schedule resolves from the environment, and a missing setting is named', () => {
  expect(resolveAppSettings('%A% x', { A: '0 */5 * * * *' })).toBe('0 */5 * * * * x');
  expect(() => resolveAppSettings('%MISSING_SCHEDULE%', {})).toThrow(/App setting 'MISSING_SCHEDULE'/);
});

describe('schedules in WEBSITE_TIME_ZONE', () => {
  test.each([
    ['0 0 9 * * *', 'Europe/Berlin', '2024-01-15T12:00:00Z', '2024-01-16T08:00:00.000Z'],
    ['0 0 9 * * *', 'Europe/Berlin', '2024-07-15T12:00:00Z', '2024-07-16T07:00:00.000Z'],
    ['0 0 9 * * 1', 'America/New_York', '2024-03-08T00:00:00Z', '2024-03-11T13:00:00.000Z'],
    ['0 0 0 * * *', 'Asia/Tokyo', '2024-01-01T15:00:00Z', '2024-01-02T15:00:00.000Z'],
    // 02:30 does not exist in Berlin on 2024-03-31 (spring forward): the next one is a day later.
    ['0 30 2 * * *', 'Europe/Berlin', '2024-03-30T12:00:00Z', '2024-04-01T00:30:00.000Z'],
  ])('%s in %s after %s is %s', (schedule, zone, after, expected) => {
    expect(nextOccurrence(parseSchedule(schedule), new Date(after), zone)?.toISOString()).toBe(expected);
  });

  test.each([
    [undefined, 'UTC'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Eastern Standard Time', 'America/New_York'],
  ])('WEBSITE_TIME_ZONE %s means %s', (setting, zone) => {
    expect(scheduleTimeZone(setting === undefined ? {} : { WEBSITE_TIME_ZONE: setting })).toBe(zone);
  });

  test('an unknown zone is named with examples', () => {
    expect(() => scheduleTimeZone({ WEBSITE_TIME_ZONE: 'Mars Standard Time' })).toThrow(
      /WEBSITE_TIME_ZONE 'Mars Standard Time' is not a known Windows or IANA time zone/,
    );
  });
});

/** Second-by-second reference in UTC, to check the field-jumping search. */
function bruteForceNext(schedule: string, after: Date, windowSeconds: number): string | undefined {
  const parsed = parseSchedule(schedule);
  if (parsed.kind !== 'cron') return undefined;
  const [s, m, h, d, mo, w] = parsed.fields;
  let t = Math.floor(after.getTime() / 1000) * 1000 + 1000;
  for (let i = 0; i < windowSeconds; i += 1, t += 1000) {
    const x = new Date(t);
    if (
      s?.[x.getUTCSeconds()] &&
      m?.[x.getUTCMinutes()] &&
      h?.[x.getUTCHours()] &&
      d?.[x.getUTCDate()] &&
      mo?.[x.getUTCMonth() + 1] &&
      w?.[x.getUTCDay()]
    ) {
      return x.toISOString();
    }
  }
  return undefined;
}

test.each([
  '*/7 */13 * * * *',
  '15,45 5-10 */3 * * *',
  '0 0 */5 * * 0,6',
  '30 59 23 * * *',
  '0 1-59/2 4 * * 2-4',
  '10-20/5 * 12 * * *',
])('%s agrees with a second-by-second search for 20 successive occurrences', (schedule) => {
  let after = new Date('2024-02-27T22:58:31Z');
  for (let i = 0; i < 20; i += 1) {
    const expected = bruteForceNext(schedule, after, 8 * 24 * 3600);
    const actual = nextOccurrence(parseSchedule(schedule), after)?.toISOString();
    expect(actual).toBe(expected);
    if (!actual) break;
    after = new Date(actual);
  }
});
