/**
 * The time zone of timer schedules. On Azure the host evaluates schedules in UTC unless the app setting
 * `WEBSITE_TIME_ZONE` names a zone (a Windows name such as `W. Europe Standard Time`, or an IANA
 * name as used on Linux). This host does the same, so a schedule fires at the same instants locally
 * as in Azure (Core Tools would use the machine's zone instead).
 */
import { IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

export function scheduleTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const name = env['WEBSITE_TIME_ZONE']?.trim();
  if (!name) return 'UTC';
  if (IANAZone.isValidZone(name)) return name;
  const iana = findIana(name)?.[0];
  if (iana && IANAZone.isValidZone(iana)) return iana;
  throw new Error(
    `WEBSITE_TIME_ZONE '${name}' is not a known Windows or IANA time zone (e.g. 'W. Europe Standard Time' or 'Europe/Berlin').`,
  );
}
