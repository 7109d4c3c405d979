/**
 * Windows time-zone names (what Logic Apps accepts: "Pacific Standard Time", "UTC") mapped to IANA
 * zones through `windows-iana`, with offsets from luxon's tz database.
 */
import { DateTime, IANAZone } from 'luxon';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { suggest } from '../suggest';
import { dateValue, type DateValue } from './datetime-value';

export const TIME_ZONE_HELP =
  'Use a Windows time zone name such as "Pacific Standard Time", "W. Europe Standard Time" or "UTC"; ' +
  'the list is at https://learn.microsoft.com/windows-hardware/manufacture/desktop/default-time-zones ' +
  '(or run `tzutil /l` on Windows).';

/** Case and punctuation do not matter: the reference says names may need their punctuation removed. */
const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9+-]/g, '');

/** Windows zone name -> IANA zone, from the CLDR table's world ("001") rows. */
const ZONES = new Map<string, { windows: string; iana: string }>();
for (const row of WINDOWS_TO_IANA_MAP) {
  const iana = row.iana[0];
  if (row.territory === '001' && iana !== undefined)
    ZONES.set(normalize(row.windowsName), { windows: row.windowsName, iana });
}

/** The IANA zone for a Windows time-zone name; undefined when the name is not one. */
export function ianaZone(windowsName: string): string | undefined {
  const zone = ZONES.get(normalize(windowsName))?.iana;
  if (zone === undefined) return undefined;
  let valid = validZones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    validZones.set(zone, valid);
  }
  return valid ? zone : undefined;
}

/** Whether this Node's time-zone data knows a zone; checking builds an Intl formatter, so it is cached. */
const validZones = new Map<string, boolean>();

/** The Windows zone name closest to `name`, for "did you mean". */
export function suggestZone(name: string): string | undefined {
  return suggest(
    name,
    [...ZONES.values()].map((z) => z.windows),
  );
}

/** The wall-clock time in `zone` of a UTC instant (zone-less result, like `convertFromUtc`). */
export function fromUtc(value: DateValue, zone: string): DateValue {
  const offset = DateTime.fromMillis(value.ms, { zone }).offset;
  return dateValue(value.ms + offset * 60_000, 'unspecified', value.sub);
}

/**
 * The UTC instant of a wall-clock time in `zone`. A time skipped by a daylight-saving change moves
 * forward, as luxon (and .NET, which rejects it) treat it; an ambiguous time takes the earlier offset.
 */
export function toUtc(value: DateValue, zone: string): DateValue {
  const d = new Date(value.ms);
  const local = DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    },
    { zone },
  );
  return dateValue(local.toMillis(), 'utc', value.sub);
}
