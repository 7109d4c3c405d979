/**
 * ISO 8601 durations (`PT20S`, `P1D`, `PT1H30M`, `P1W`) in milliseconds. A month counts 30 days and a
 * year 365 days, as fixed lengths: limits and retry intervals are spans, not calendar dates.
 */
import { ActionFailure } from '../ops/failure';

const PATTERN =
  /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const UNITS = [365 * 86_400_000, 30 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000];

export function parseIsoDuration(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (match === null) {
    throw new ActionFailure(
      'InvalidDuration',
      `'${text}' is not an ISO 8601 duration; write it like PT20S, PT5M, PT1H or P1D.`,
    );
  }
  let total = 0;
  UNITS.forEach((unit, i) => {
    const part = match[i + 1];
    if (part !== undefined) total += Number(part) * unit;
  });
  return Math.round(total);
}
