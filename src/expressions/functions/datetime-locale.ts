/**
 * Culture data for date formatting and parsing: month and day names come from `Intl` (the same
 * CLDR names .NET uses on Linux), the standard format patterns from a small table of the cultures
 * Flowline supports for the one-letter formats (`d`, `D`, `t`...). Logic Apps' default culture is
 * en-US.
 */
export interface Culture {
  readonly name: string;
  readonly months: readonly string[];
  readonly monthsShort: readonly string[];
  readonly days: readonly string[];
  readonly daysShort: readonly string[];
  readonly am: string;
  readonly pm: string;
  /** Standard format letter -> custom pattern; undefined for cultures without a table entry. */
  readonly patterns: Readonly<Record<string, string>> | undefined;
}

const ISO_PATTERNS = {
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
};

/** Patterns per culture (lower-case name): short date, long date, short time, long time, month day, year month. */
const TABLE: Record<string, readonly [string, string, string, string, string, string]> = {
  'en-us': ['M/d/yyyy', 'dddd, MMMM d, yyyy', 'h:mm tt', 'h:mm:ss tt', 'MMMM d', 'MMMM yyyy'],
  'en-gb': ['dd/MM/yyyy', 'dd MMMM yyyy', 'HH:mm', 'HH:mm:ss', 'd MMMM', 'MMMM yyyy'],
  'fr-fr': ['dd/MM/yyyy', 'dddd d MMMM yyyy', 'HH:mm', 'HH:mm:ss', 'd MMMM', 'MMMM yyyy'],
  'de-de': ['dd.MM.yyyy', 'dddd, d. MMMM yyyy', 'HH:mm', 'HH:mm:ss', 'd. MMMM', 'MMMM yyyy'],
  'es-es': ['dd/MM/yyyy', "dddd, d 'de' MMMM 'de' yyyy", 'H:mm', 'H:mm:ss', "d 'de' MMMM", "MMMM 'de' yyyy"],
  'nl-nl': ['d-M-yyyy', 'dddd d MMMM yyyy', 'HH:mm', 'HH:mm:ss', 'd MMMM', 'MMMM yyyy'],
};

export const SUPPORTED_STANDARD_CULTURES = Object.keys(TABLE);

function patternsFor(name: string): Record<string, string> | undefined {
  const row = TABLE[name.toLowerCase()];
  if (row === undefined) return undefined;
  const [d, D, t, T, M, Y] = row;
  return {
    d,
    D,
    t,
    T,
    f: `${D} ${t}`,
    F: `${D} ${T}`,
    g: `${d} ${t}`,
    G: `${d} ${T}`,
    M,
    m: M,
    Y,
    y: Y,
    U: `${D} ${T}`,
    o: ISO_PATTERNS.O,
    ...ISO_PATTERNS,
    r: ISO_PATTERNS.R,
  };
}

function names(
  locale: string,
  option: Intl.DateTimeFormatOptions,
  count: number,
  at: (i: number) => Date,
): string[] {
  const format = new Intl.DateTimeFormat(locale, { ...option, timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => format.format(at(i)));
}

const cache = new Map<string, Culture>();

/** The culture for a .NET culture name such as `en-US` or `fr-fr`; undefined when unknown. */
export function culture(name = 'en-US'): Culture | undefined {
  const key = name.toLowerCase();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (
    !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(key) ||
    Intl.DateTimeFormat.supportedLocalesOf([name]).length === 0
  )
    return undefined;
  const month = (i: number): Date => new Date(Date.UTC(2001, i, 1));
  // 2001-01-07 was a Sunday.
  const day = (i: number): Date => new Date(Date.UTC(2001, 0, 7 + i));
  const english = key.startsWith('en');
  const period = (hour: number): string =>
    new Intl.DateTimeFormat(name, { hour: 'numeric', hour12: true, timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2001, 0, 1, hour)))
      .find((p) => p.type === 'dayPeriod')?.value ?? '';
  const result: Culture = {
    name,
    months: names(name, { month: 'long' }, 12, month),
    monthsShort: names(name, { month: 'short' }, 12, month),
    days: names(name, { weekday: 'long' }, 7, day),
    daysShort: names(name, { weekday: 'short' }, 7, day),
    am: english ? 'AM' : period(9),
    pm: english ? 'PM' : period(21),
    patterns: patternsFor(key),
  };
  cache.set(key, result);
  return result;
}
