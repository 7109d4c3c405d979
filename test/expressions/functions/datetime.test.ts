import { describe, expect, it } from 'vitest';
import { errorOf, run } from './helpers';

/** Every example of the datetime section of Microsoft's function reference, plus edge cases. */
const documented: [expression: string, now: string | undefined, expected: unknown][] = [
  ["addDays('2018-03-15T00:00:00Z', 10)", undefined, '2018-03-25T00:00:00.0000000Z'],
  ["addDays('2018-03-15T00:00:00Z', -5)", undefined, '2018-03-10T00:00:00.0000000Z'],
  ["addHours('2018-03-15T00:00:00Z', 10)", undefined, '2018-03-15T10:00:00.0000000Z'],
  ["addHours('2018-03-15T15:00:00Z', -5)", undefined, '2018-03-15T10:00:00.0000000Z'],
  ["addMinutes('2018-03-15T00:10:00Z', 10)", undefined, '2018-03-15T00:20:00.0000000Z'],
  ["addMinutes('2018-03-15T00:20:00Z', -5)", undefined, '2018-03-15T00:15:00.0000000Z'],
  ["addSeconds('2018-03-15T00:00:00Z', 10)", undefined, '2018-03-15T00:00:10.0000000Z'],
  ["addSeconds('2018-03-15T00:00:30Z', -5)", undefined, '2018-03-15T00:00:25.0000000Z'],
  ["addToTime('2018-01-01T00:00:00Z', 1, 'Day')", undefined, '2018-01-02T00:00:00.0000000Z'],
  ["addToTime('2018-01-01T00:00:00Z', 1, 'Day', 'D')", undefined, 'Tuesday, January 2, 2018'],
  [
    "convertFromUtc('2018-01-01T08:00:00.0000000Z', 'Pacific Standard Time')",
    undefined,
    '2018-01-01T00:00:00.0000000',
  ],
  [
    "convertFromUtc('2018-01-01T08:00:00.0000000Z', 'Pacific Standard Time', 'D')",
    undefined,
    'Monday, January 1, 2018',
  ],
  [
    "convertTimeZone('2018-01-01T08:00:00.0000000Z', 'UTC', 'Pacific Standard Time')",
    undefined,
    '2018-01-01T00:00:00.0000000',
  ],
  [
    "convertTimeZone('2018-01-01T08:00:00.0000000Z', 'UTC', 'Pacific Standard Time', 'D')",
    undefined,
    'Monday, January 1, 2018',
  ],
  ["convertToUtc('01/01/2018 00:00:00', 'Pacific Standard Time')", undefined, '2018-01-01T08:00:00.0000000Z'],
  ["convertToUtc('01/01/2018 00:00:00', 'Pacific Standard Time', 'D')", undefined, 'Monday, January 1, 2018'],
  ["dateDifference('2015-02-08', '2018-07-30')", undefined, '1268.00:00:00'],
  ["dayOfMonth('2018-03-15T13:27:36Z')", undefined, 15],
  ["dayOfWeek('2018-03-15T13:27:36Z')", undefined, 4],
  ["dayOfYear('2018-03-15T13:27:36Z')", undefined, 74],
  ["formatDateTime('03/15/2018')", undefined, '2018-03-15T00:00:00.0000000'],
  ["formatDateTime('03/15/2018 12:00:00', 'yyyy-MM-ddTHH:mm:ss')", undefined, '2018-03-15T12:00:00'],
  ["formatDateTime('01/31/2016', 'dddd MMMM d')", undefined, 'Sunday January 31'],
  ["formatDateTime('01/31/2016', 'dddd MMMM d', 'fr-fr')", undefined, 'dimanche janvier 31'],
  ["formatDateTime('01/31/2016', 'dddd MMMM d', 'fr-FR')", undefined, 'dimanche janvier 31'],
  ["formatDateTime('01/31/2016', 'dddd MMMM d', 'es-es')", undefined, 'domingo enero 31'],
  ["getFutureTime(5, 'Day')", '2018-03-01T00:00:00Z', '2018-03-06T00:00:00.0000000Z'],
  ["getFutureTime(5, 'Day', 'D')", '2018-03-01T00:00:00Z', 'Tuesday, March 6, 2018'],
  ["getPastTime(5, 'Day')", '2018-02-01T00:00:00Z', '2018-01-27T00:00:00.0000000Z'],
  ["getPastTime(5, 'Day', 'D')", '2018-02-01T00:00:00Z', 'Saturday, January 27, 2018'],
  ["parseDateTime('20/10/2014', 'fr-fr')", undefined, '2014-10-20T00:00:00.0000000'],
  ["parseDateTime('21052019', 'fr-fr', 'ddMMyyyy')", undefined, '2019-05-21T00:00:00.0000000'],
  ["parseDateTime('10/20/2014 15h', 'en-US', 'MM/dd/yyyy HH\\h')", undefined, '2014-10-20T15:00:00.0000000'],
  ["startOfDay('2018-03-15T13:30:30Z')", undefined, '2018-03-15T00:00:00.0000000Z'],
  ["startOfHour('2018-03-15T13:30:30Z')", undefined, '2018-03-15T13:00:00.0000000Z'],
  ["startOfMonth('2018-03-15T13:30:30Z')", undefined, '2018-03-01T00:00:00.0000000Z'],
  ["startOfMonth('2018-03-15T13:30:30Z', 'yyyy-MM-dd')", undefined, '2018-03-01'],
  ["subtractFromTime('2018-01-02T00:00:00Z', 1, 'Day')", undefined, '2018-01-01T00:00:00.0000000Z'],
  // The docs print "Monday, January, 1, 2018" (a typo); .NET's 'D' for en-US has no comma after the month.
  ["subtractFromTime('2018-01-02T00:00:00Z', 1, 'Day', 'D')", undefined, 'Monday, January 1, 2018'],
  ['utcNow()', '2018-04-15T13:00:00Z', '2018-04-15T13:00:00.0000000Z'],
  ["utcNow('D')", '2018-04-15T13:00:00Z', 'Sunday, April 15, 2018'],
];

describe('datetime functions: documented examples', () => {
  it.each(documented)('%s returns the documented value', (expression, now, expected) => {
    expect(run(expression, now === undefined ? {} : { now })).toEqual(expected);
  });
});

const behaviour: [expression: string, expected: unknown][] = [
  // .NET ticks: 621355968000000000 at the Unix epoch, plus 10,000 per millisecond.
  ["ticks('1970-01-01T00:00:00Z')", 621355968000000000],
  ["ticks('2018-01-01T00:00:00Z')", 621355968000000000 + Date.UTC(2018, 0, 1) * 10_000],
  ["ticks('0001-01-01T00:00:00Z')", 0],
  // Seven fraction digits survive a round trip, beyond JavaScript's millisecond precision.
  ["addSeconds('2018-03-15T00:00:00.1234567Z', 1)", '2018-03-15T00:00:01.1234567Z'],
  ["dateDifference('2018-01-01T00:00:00Z', '2018-01-01T01:30:00.5Z')", '01:30:00.5000000'],
  ["dateDifference('2018-07-30', '2015-02-08')", '-1268.00:00:00'],
  // An offset is converted to UTC, as Logic Apps does.
  ["formatDateTime('2018-03-15T10:00:00+02:00')", '2018-03-15T08:00:00.0000000Z'],
  ["addToTime('2018-01-31T10:00:00Z', 1, 'Month')", '2018-02-28T10:00:00.0000000Z'],
  ["addToTime('2020-02-29T00:00:00Z', 1, 'Year')", '2021-02-28T00:00:00.0000000Z'],
  ["addToTime('2018-01-01T00:00:00Z', 2, 'week')", '2018-01-15T00:00:00.0000000Z'],
  ["subtractFromTime('2018-03-01T00:00:00Z', 1, 'Month')", '2018-02-01T00:00:00.0000000Z'],
  ["convertFromUtc('2018-07-01T08:00:00Z', 'W. Europe Standard Time')", '2018-07-01T10:00:00.0000000'],
  [
    "convertTimeZone('2018-07-01 10:00', 'W. Europe Standard Time', 'Pacific Standard Time')",
    '2018-07-01T01:00:00.0000000',
  ],
  ["convertTimeZone('2018-07-01T10:00:00', 'Pacific Standard Time', 'UTC')", '2018-07-01T17:00:00.0000000Z'],
  // Names match without case or punctuation, as the reference allows.
  ["convertFromUtc('2018-07-01T08:00:00Z', 'w europe standard time')", '2018-07-01T10:00:00.0000000'],
  // Daylight saving: Pacific is UTC-7 in July and UTC-8 in January.
  ["convertToUtc('2018-07-01T00:00:00', 'Pacific Standard Time')", '2018-07-01T07:00:00.0000000Z'],
  ["convertFromUtc('2018-03-25T00:59:59Z', 'GMT Standard Time', 'HH:mm')", '00:59'],
  ["convertFromUtc('2018-03-25T01:00:00Z', 'GMT Standard Time', 'HH:mm')", '02:00'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'd')", '3/15/2018'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'f')", 'Thursday, March 15, 2018 1:05 PM'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'F')", 'Thursday, March 15, 2018 1:05:09 PM'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'g')", '3/15/2018 1:05 PM'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'G')", '3/15/2018 1:05:09 PM'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'M')", 'March 15'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'o')", '2018-03-15T13:05:09.2500000Z'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'R')", 'Thu, 15 Mar 2018 13:05:09 GMT'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 's')", '2018-03-15T13:05:09'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 't')", '1:05 PM'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'T')", '1:05:09 PM'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'u')", '2018-03-15 13:05:09Z'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'U')", 'Thursday, March 15, 2018 1:05:09 PM'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'y')", 'March 2018'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'd', 'fr-FR')", '15/03/2018'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'D', 'de-DE')", 'Donnerstag, 15. März 2018'],
  ["formatDateTime('2018-03-05T03:05:09.25Z', 'yy-M-d h:m:s tt t')", '18-3-5 3:5:9 AM A'],
  ["formatDateTime('2018-03-15T13:05:09.25Z', 'ddd MMM fff FFFF ffffff')", 'Thu Mar 250 25 250000'],
  ["formatDateTime('2018-03-15T13:05:09Z', 'HH:mm:ss.FFF K zzz')", '13:05:09 Z +00:00'],
  ["formatDateTime('2018-03-15T13:05:09', 'HH:mm K')", '13:05 '],
  // WDL doubles a quote inside a string literal; the format is: 'Day' d \d "of" MMMM
  [`formatDateTime('2018-03-15T13:05:09Z', '''Day'' d \\d "of" MMMM')`, 'Day 15 d of March'],
  ["formatDateTime('2018-03-15T13:05:09Z', '%d')", '15'],
  ["formatDateTime('Thu, 15 Mar 2018 13:05:09 GMT')", '2018-03-15T13:05:09.0000000Z'],
  ["formatDateTime('3/5/2018 1:05 PM')", '2018-03-05T13:05:00.0000000'],
  ["formatDateTime('March 15, 2018')", '2018-03-15T00:00:00.0000000'],
  ["formatDateTime('Thursday, March 15, 2018 1:05:09 PM')", '2018-03-15T13:05:09.0000000'],
  ["formatDateTime('15 Mar 2018 13:05')", '2018-03-15T13:05:00.0000000'],
  ["parseDateTime('15 mars 2018', 'fr-FR')", '2018-03-15T00:00:00.0000000'],
  ["parseDateTime('15 mars 2018', 'fr-FR', 'dd MMMM yyyy')", '2018-03-15T00:00:00.0000000'],
  ["parseDateTime('03/15/2018 01:30 PM', 'en-US', 'MM/dd/yyyy hh:mm tt')", '2018-03-15T13:30:00.0000000'],
  ["parseDateTime('15.03.2018', 'de-DE')", '2018-03-15T00:00:00.0000000'],
];

describe('datetime functions: behaviour beyond the examples', () => {
  it.each(behaviour)('%s returns %j', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});

const errors: [expression: string, message: RegExp][] = [
  ["addDays('not a date', 1)", /'addDays'.*'not a date' is not a valid timestamp/],
  ["addDays('2018-02-30T00:00:00Z', 1)", /not a valid timestamp/],
  ['addDays(5, 1)', /expects its first parameter to be a string/],
  ["addDays('2018-01-01', 'x')", /expects its second parameter to be an integer or a decimal number/],
  ["addDays('9999-12-31', 1)", /leaves the range of years 0001 to 9999/],
  ["addToTime('2018-01-01', 1, 'Fortnight')", /'Fortnight' is not a time unit; use one of 'Second'/],
  [
    "convertFromUtc('2018-01-01T00:00:00Z', 'Mars Standard Time')",
    /time zone 'Mars Standard Time' is not known.*Windows time zone name/,
  ],
  ["convertToUtc('2018-01-01', 'Pacific Standard Tme')", /Did you mean 'Pacific Standard Time'\?/],
  ["convertToUtc('2018-01-01', 'America/Los_Angeles')", /is not known.*Windows time zone name/],
  ["formatDateTime('2018-01-01', 'Q')", /the format 'Q' is not valid/],
  ["formatDateTime('2018-01-01', 'yyyy', 'xx-notreal')", /'xx-notreal' is not a known culture name/],
  ["formatDateTime('2018-01-01', '''open')", /quoted text .* is not closed/],
  ["parseDateTime('2018/99/99', 'en-US', 'yyyy/MM/dd')", /does not match the format 'yyyy\/MM\/dd'/],
  ["getFutureTime(1.5, 'Day')", /expects its first parameter to be an integer/],
];

describe('datetime functions: errors', () => {
  it.each(errors)('%s fails with a clear message', (expression, message) => {
    expect(errorOf(expression)).toMatch(message);
  });
});

describe('datetime functions: time source', () => {
  it('reads the current time only from the context', () => {
    expect(run('utcNow()', { now: '2001-02-03T04:05:06.789Z' })).toBe('2001-02-03T04:05:06.7890000Z');
  });
});
