/**
 * Date and time functions. Time comes only from `ctx.now()`; output is the .NET round-trip format
 * (`2018-03-15T00:00:00.0000000Z`) unless a format argument says otherwise.
 */
import type { Call } from '../ast';
import { argNumber, invalidArgument } from './args';
import {
  argCulture,
  argInteger,
  argString,
  argTimestamp,
  argTimeZone,
  argUnit,
  output,
  type TimeUnit,
} from './datetime-args';
import { shift, startOf, timeSpan, type Truncation } from './datetime-math';
import { parseTimestamp } from './datetime-parse';
import { parseExact } from './datetime-parse-exact';
import { dateValue, dayOfYear, fieldsOf, ticksOf, type DateValue } from './datetime-value';
import { fromUtc, toUtc } from './datetime-zones';
import type { FunctionDef } from './types';

function moved(call: Call, value: DateValue, amount: number, unit: TimeUnit, index: number): DateValue {
  const result = shift(value, amount, unit);
  if (result === undefined)
    invalidArgument(
      call,
      index,
      `adding ${amount} ${unit.toLowerCase()}(s) leaves the range of years 0001 to 9999.`,
    );
  return result;
}

function addUnit(name: string, unit: TimeUnit): FunctionDef {
  return {
    name,
    minArgs: 2,
    maxArgs: 3,
    category: 'datetime',
    summary: `Adds a number of ${unit.toLowerCase()}s to a timestamp (negative to subtract).`,
    evaluate: (args, _ctx, call) =>
      output(call, args, 2, moved(call, argTimestamp(call, args, 0), argNumber(call, args, 1), unit, 1)),
  };
}

function startOfUnit(name: string, unit: Truncation): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: 2,
    category: 'datetime',
    summary: `Returns the start of the ${unit} of a timestamp.`,
    evaluate: (args, _ctx, call) => output(call, args, 1, startOf(argTimestamp(call, args, 0), unit)),
  };
}

function relative(name: string, sign: 1 | -1): FunctionDef {
  return {
    name,
    minArgs: 2,
    maxArgs: 3,
    category: 'datetime',
    summary: `Returns the current time ${sign > 0 ? 'plus' : 'minus'} an interval of time units.`,
    evaluate: (args, ctx, call) => {
      const now = dateValue(ctx.now(), 'utc');
      return output(
        call,
        args,
        2,
        moved(call, now, sign * argInteger(call, args, 0), argUnit(call, args, 1), 0),
      );
    },
  };
}

function timeUnitChange(name: string, sign: 1 | -1): FunctionDef {
  return {
    name,
    minArgs: 3,
    maxArgs: 4,
    category: 'datetime',
    summary: `${sign > 0 ? 'Adds' : 'Subtracts'} a number of time units ${sign > 0 ? 'to' : 'from'} a timestamp.`,
    evaluate: (args, _ctx, call) => {
      const value = argTimestamp(call, args, 0);
      return output(
        call,
        args,
        3,
        moved(call, value, sign * argInteger(call, args, 1), argUnit(call, args, 2), 1),
      );
    },
  };
}

function field(name: string, summary: string, read: (value: DateValue) => number): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    category: 'datetime',
    summary,
    evaluate: (args, _ctx, call) => read(argTimestamp(call, args, 0)),
  };
}

/** A UTC value's kind stays UTC when the destination zone is UTC itself. */
const inZone = (value: DateValue, zone: string): DateValue =>
  zone === 'Etc/UTC' ? { ...value, kind: 'utc' } : fromUtc(value, zone);

export const datetimeFunctions: readonly FunctionDef[] = [
  addUnit('addDays', 'Day'),
  addUnit('addHours', 'Hour'),
  addUnit('addMinutes', 'Minute'),
  addUnit('addSeconds', 'Second'),
  timeUnitChange('addToTime', 1),
  timeUnitChange('subtractFromTime', -1),
  relative('getFutureTime', 1),
  relative('getPastTime', -1),
  startOfUnit('startOfDay', 'day'),
  startOfUnit('startOfHour', 'hour'),
  startOfUnit('startOfMonth', 'month'),
  field('dayOfMonth', 'Returns the day of the month (1-31) of a timestamp.', (v) => fieldsOf(v).day),
  field(
    'dayOfWeek',
    'Returns the day of the week of a timestamp, 0 for Sunday to 6 for Saturday.',
    (v) => fieldsOf(v).weekday,
  ),
  field('dayOfYear', 'Returns the day of the year (1-366) of a timestamp.', dayOfYear),
  // Ticks above 2^53 are rounded to the nearest double; whole-second timestamps stay exact.
  field('ticks', 'Returns the .NET ticks (100 ns intervals since 0001-01-01) of a timestamp.', (v) =>
    Number(ticksOf(v)),
  ),
  {
    name: 'utcNow',
    minArgs: 0,
    maxArgs: 1,
    category: 'datetime',
    summary: 'Returns the current UTC time, optionally formatted.',
    evaluate: (args, ctx, call) => output(call, args, 0, dateValue(ctx.now(), 'utc')),
  },
  {
    name: 'formatDateTime',
    minArgs: 1,
    maxArgs: 3,
    category: 'datetime',
    summary: 'Formats a timestamp with a .NET format string and an optional culture.',
    evaluate: (args, _ctx, call) => {
      const locale = argCulture(call, args, 2);
      return output(call, args, 1, argTimestamp(call, args, 0), locale);
    },
  },
  {
    name: 'parseDateTime',
    minArgs: 1,
    maxArgs: 3,
    category: 'datetime',
    summary: 'Parses a timestamp written in a culture or a custom format into the ISO 8601 form.',
    evaluate: (args, _ctx, call) => {
      const text = argString(call, args, 0);
      const locale = argCulture(call, args, 1);
      const format = args[2] === undefined || args[2] === null ? undefined : argString(call, args, 2);
      const value = format === undefined ? parseTimestamp(text, locale) : parseExact(text, format, locale);
      if (value === undefined)
        invalidArgument(
          call,
          0,
          `'${text}' does not match ${format === undefined ? `a date of the culture '${locale.name}'` : `the format '${format}'`}.`,
        );
      return output(call, [], 0, value);
    },
  },
  {
    name: 'dateDifference',
    minArgs: 2,
    maxArgs: 2,
    category: 'datetime',
    summary: 'Returns the time from the first timestamp to the second as a TimeSpan string (d.hh:mm:ss).',
    evaluate: (args, _ctx, call) => timeSpan(argTimestamp(call, args, 0), argTimestamp(call, args, 1)),
  },
  {
    name: 'convertFromUtc',
    minArgs: 2,
    maxArgs: 3,
    category: 'datetime',
    summary: 'Converts a UTC timestamp to a Windows time zone.',
    evaluate: (args, _ctx, call) =>
      output(call, args, 2, inZone(argTimestamp(call, args, 0), argTimeZone(call, args, 1))),
  },
  {
    name: 'convertToUtc',
    minArgs: 2,
    maxArgs: 3,
    category: 'datetime',
    summary: 'Converts a timestamp from a Windows time zone to UTC.',
    evaluate: (args, _ctx, call) => {
      const value = argTimestamp(call, args, 0);
      const zone = argTimeZone(call, args, 1);
      // A timestamp that already says it is UTC (`Z` or an offset) is an instant: nothing to convert.
      return output(call, args, 2, value.kind === 'utc' ? value : toUtc(value, zone));
    },
  },
  {
    name: 'convertTimeZone',
    minArgs: 3,
    maxArgs: 4,
    category: 'datetime',
    summary: 'Converts a timestamp from one Windows time zone to another.',
    evaluate: (args, _ctx, call) => {
      const value = argTimestamp(call, args, 0);
      const source = argTimeZone(call, args, 1);
      const destination = argTimeZone(call, args, 2);
      const utc = value.kind === 'utc' ? value : toUtc(value, source);
      return output(call, args, 3, inZone(utc, destination));
    },
  },
];
