/** Argument readers shared by the datetime functions, so their errors read the same. */
import type { Call } from '../ast';
import type { JsonValue } from '../values';
import { argInteger, argString, invalidArgument } from './args';
import { formatDate, FormatError } from './datetime-format';
import { culture, type Culture } from './datetime-locale';
import { parseTimestamp } from './datetime-parse';
import type { DateValue } from './datetime-value';
import { ianaZone, suggestZone, TIME_ZONE_HELP } from './datetime-zones';

const EN_US = culture('en-US');

export function enUs(): Culture {
  if (EN_US === undefined) throw new Error('The en-US culture is missing from this Node build (Intl).');
  return EN_US;
}

/** The timestamp argument at `index`, parsed as Logic Apps parses timestamps. */
export function argTimestamp(
  call: Call,
  args: readonly JsonValue[],
  index: number,
  locale = enUs(),
): DateValue {
  const text = argString(call, args, index);
  const value = parseTimestamp(text, locale);
  if (value === undefined)
    invalidArgument(
      call,
      index,
      `'${text}' is not a valid timestamp. Use ISO 8601 such as '2018-03-15T13:27:36Z' or the culture's short date such as '03/15/2018 13:27:36'.`,
    );
  return value;
}

/** The culture argument at `index` (default en-US). */
export function argCulture(call: Call, args: readonly JsonValue[], index: number): Culture {
  if (args[index] === undefined || args[index] === null) return enUs();
  const name = argString(call, args, index);
  const found = culture(name);
  if (found === undefined)
    invalidArgument(
      call,
      index,
      `'${name}' is not a known culture name; use one such as 'en-US' or 'fr-FR'.`,
    );
  return found;
}

/** Formats `value` with the optional format argument at `index` (default `o`). */
export function output(
  call: Call,
  args: readonly JsonValue[],
  index: number,
  value: DateValue,
  locale = enUs(),
): string {
  const format = args[index] === undefined || args[index] === null ? 'o' : argString(call, args, index);
  try {
    return formatDate(value, format, locale);
  } catch (error) {
    if (error instanceof FormatError)
      invalidArgument(
        call,
        index,
        `the format '${format}' is not valid: ${error.message} Use a .NET format such as 'o', 'yyyy-MM-dd' or 'dddd, MMMM d, yyyy'.`,
      );
    throw error;
  }
}

/** The Windows time zone name at `index`, as an IANA zone. */
export function argTimeZone(call: Call, args: readonly JsonValue[], index: number): string {
  const name = argString(call, args, index);
  const zone = ianaZone(name);
  if (zone === undefined) {
    const close = suggestZone(name);
    const hint = close === undefined ? '' : ` Did you mean '${close}'?`;
    invalidArgument(call, index, `the time zone '${name}' is not known.${hint} ${TIME_ZONE_HELP}`);
  }
  return zone;
}

export type TimeUnit = 'Second' | 'Minute' | 'Hour' | 'Day' | 'Week' | 'Month' | 'Year';
const UNITS: readonly TimeUnit[] = ['Second', 'Minute', 'Hour', 'Day', 'Week', 'Month', 'Year'];

/** The time unit argument at `index` ("Day", "day" and "Days" all work). */
export function argUnit(call: Call, args: readonly JsonValue[], index: number): TimeUnit {
  const text = argString(call, args, index);
  const unit = UNITS.find((u) => u.toLowerCase() === text.toLowerCase().replace(/s$/, ''));
  if (unit === undefined)
    invalidArgument(
      call,
      index,
      `'${text}' is not a time unit; use one of ${UNITS.map((u) => `'${u}'`).join(', ')}.`,
    );
  return unit;
}

export { argInteger, argString };
