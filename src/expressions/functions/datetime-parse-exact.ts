/** Parsing with a custom .NET pattern, for `parseDateTime`'s format argument. */
import type { Culture } from './datetime-locale';
import { build, offsetMinutes, type Parts } from './datetime-parts';
import type { DateValue } from './datetime-value';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (names: readonly string[]): string =>
  `(${[...names]
    .sort((x, y) => y.length - x.length)
    .map(escape)
    .join('|')})`;

/** Parses `text` with a custom .NET pattern (`dd/MM/yyyy`, `dd MMMM yyyy HH:mm`...). */
export function parseExact(text: string, pattern: string, culture: Culture): DateValue | undefined {
  const fields: ((p: Parts, v: string) => void)[] = [];
  let source = '';
  let i = 0;
  const capture = (re: string, set: (p: Parts, v: string) => void): void => {
    source += `(${re})`;
    fields.push(set);
  };
  const indexIn = (names: readonly string[], v: string): number =>
    names.findIndex((n) => n.toLowerCase() === v.toLowerCase()) + 1;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    let run = 1;
    while (pattern[i + run] === c) run++;
    if (c === "'" || c === '"') {
      const end = pattern.indexOf(c, i + 1);
      source += escape(pattern.slice(i + 1, end < 0 ? pattern.length : end));
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (c === '\\') {
      source += escape(pattern.charAt(i + 1));
      i += 2;
      continue;
    }
    const digits = run === 1 ? '\\d{1,2}' : `\\d{${run}}`;
    switch (c) {
      case 'y':
        capture(
          run <= 2 ? '\\d{1,2}' : `\\d{${run}}`,
          (p, v) => (p.year = run <= 2 ? 2000 + Number(v) : Number(v)),
        );
        break;
      case 'M':
        if (run <= 2) capture(digits, (p, v) => (p.month = Number(v)));
        else {
          const names = run === 3 ? culture.monthsShort : culture.months;
          source += alternatives(names);
          fields.push((p, v) => (p.month = indexIn(names, v)));
        }
        break;
      case 'd':
        if (run <= 2) capture(digits, (p, v) => (p.day = Number(v)));
        else source += `(?:${alternatives(run === 3 ? culture.daysShort : culture.days).slice(1, -1)})`;
        break;
      case 'H':
      case 'h':
        capture(run === 1 ? '\\d{1,2}' : '\\d{2}', (p, v) => (p.hour = Number(v)));
        break;
      case 'm':
        capture(digits, (p, v) => (p.minute = Number(v)));
        break;
      case 's':
        capture(digits, (p, v) => (p.second = Number(v)));
        break;
      case 'f':
      case 'F':
        capture(c === 'f' ? `\\d{${run}}` : `\\d{0,${run}}`, (p, v) => (p.fraction = v));
        break;
      case 't':
        capture('[AaPp][Mm]?', (p, v) => (p.period = v.charAt(0).toUpperCase()));
        break;
      case 'K':
      case 'z':
        capture('Z|[+-]\\d{1,2}(?::?\\d{2})?|', (p, v) => (p.offset = offsetMinutes(v)));
        break;
      default:
        source += escape(c.repeat(run));
    }
    i += run;
  }
  const m = new RegExp(`^${source}$`, 'i').exec(text.trim());
  if (m === null) return undefined;
  const parts: Parts = {
    year: 1,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    fraction: '',
    offset: undefined,
  };
  fields.forEach((set, k) => set(parts, m[k + 1] ?? ''));
  if (parts.period === 'P' && parts.hour < 12) parts.hour += 12;
  else if (parts.period === 'A' && parts.hour === 12) parts.hour = 0;
  return build(parts);
}
