/**
 * .NET date and time format strings (standard one-letter formats and custom patterns), which is
 * what `formatDateTime` and every datetime function's optional `format` argument accept.
 * https://learn.microsoft.com/dotnet/standard/base-types/custom-date-and-time-format-strings
 */
import type { Culture } from './datetime-locale';
import { fieldsOf, type DateValue } from './datetime-value';

/** A format string that .NET rejects; the caller turns it into an expression error. */
export class FormatError extends Error {}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Expands a standard (one-letter) format into its custom pattern; other strings pass through. */
export function expandFormat(format: string, culture: Culture): string {
  if (format.length !== 1) return format;
  const pattern = culture.patterns?.[format];
  if (pattern !== undefined) return pattern;
  if (culture.patterns === undefined && /^[dDfFgGmMoOrRstTuUyY]$/.test(format))
    throw new FormatError(
      `The standard format '${format}' is not available for the culture '${culture.name}' in Flowline; use a custom format such as 'dd/MM/yyyy'.`,
    );
  throw new FormatError(`'${format}' is not a standard date and time format string.`);
}

/** Formats a value with a .NET format string (default `o`, the round-trip format). */
export function formatDate(value: DateValue, format: string, culture: Culture): string {
  const pattern = expandFormat(format === '' ? 'o' : format, culture);
  // `r` and `u` show the universal time: values here are UTC or zone-less, so no shift is needed.
  const f = fieldsOf(value);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    switch (c) {
      case "'":
      case '"': {
        const end = pattern.indexOf(c, i + 1);
        if (end < 0) throw new FormatError(`The quoted text starting at position ${i} is not closed.`);
        out += pattern.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      case '\\':
        if (i + 1 >= pattern.length)
          throw new FormatError('The format string ends with an escape character.');
        out += pattern.charAt(i + 1);
        i += 2;
        continue;
      case '%': {
        // `%d` is the custom specifier `d` on its own (a lone `d` would be the standard format).
        const next = pattern.charAt(i + 1);
        if (next === '' || next === '%')
          throw new FormatError("A '%' must be followed by a format character.");
        out += token(next, 1, f, value, culture);
        i += 2;
        continue;
      }
      default: {
        // Count the run only here: counting it for quotes too made a long run of quotes quadratic.
        let run = 1;
        while (pattern[i + run] === c) run++;
        const text = token(c, run, f, value, culture);
        // .NET drops the decimal point before an `F` run that printed nothing (`ss.FFF` of 09.000 is `09`).
        if (c === 'F' && text === '' && out.endsWith('.')) out = out.slice(0, -1);
        out += text;
        i += run;
      }
    }
  }
  return out;
}

function token(
  c: string,
  run: number,
  f: ReturnType<typeof fieldsOf>,
  value: DateValue,
  culture: Culture,
): string {
  switch (c) {
    case 'd':
      if (run === 1 || run === 2) return pad(f.day, run);
      return (run === 3 ? culture.daysShort : culture.days)[f.weekday] ?? '';
    case 'M':
      if (run === 1 || run === 2) return pad(f.month, run);
      return (run === 3 ? culture.monthsShort : culture.months)[f.month - 1] ?? '';
    case 'y':
      return run === 1 ? String(f.year % 100) : run === 2 ? pad(f.year % 100, 2) : pad(f.year, run);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, Math.min(run, 2));
    case 'H':
      return pad(f.hour, Math.min(run, 2));
    case 'm':
      return pad(f.minute, Math.min(run, 2));
    case 's':
      return pad(f.second, Math.min(run, 2));
    case 'f':
    case 'F': {
      if (run > 7) throw new FormatError(`'${c.repeat(run)}' has more than 7 fraction digits.`);
      const digits = pad(f.fraction, 7).slice(0, run);
      return c === 'f' ? digits : digits.replace(/0+$/, '');
    }
    case 't': {
      const designator = f.hour < 12 ? culture.am : culture.pm;
      return run === 1 ? designator.slice(0, 1) : designator;
    }
    case 'K':
      return value.kind === 'utc' ? 'Z' : '';
    case 'z':
      // Zone-less values are read as UTC, the time zone of the Logic Apps service.
      return run === 1 ? '+0' : run === 2 ? '+00' : '+00:00';
    case 'g':
      return 'A.D.';
    case ':':
      return ':';
    case '/':
      return '/';
    default:
      return c.repeat(run);
  }
}
