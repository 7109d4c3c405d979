/** .NET TimeSpan text as host.json and timer schedules use it: `hh:mm:ss`, `hh:mm`, `d.hh:mm:ss(.fff)`. */
const TIME_SPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/** Milliseconds, or undefined when `text` is not a TimeSpan. */
export function parseTimeSpan(text: string): number | undefined {
  const match = TIME_SPAN.exec(text.trim());
  if (!match) return undefined;
  const [, minus, days, hours, minutes, seconds, fraction] = match;
  const ms =
    (((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000 +
    Math.round(Number(`0.${fraction ?? '0'}`) * 1000);
  return minus ? -ms : ms;
}

/**
 * host.json `functionTimeout`: a TimeSpan, or `-1`/absent for no limit. Returns milliseconds or undefined.
 */
export function functionTimeoutMs(hostJson: Readonly<Record<string, unknown>>): number | undefined {
  const raw = hostJson['functionTimeout'];
  if (raw === undefined || raw === null || raw === -1 || raw === '-1') return undefined;
  const ms = typeof raw === 'string' ? parseTimeSpan(raw) : undefined;
  if (ms === undefined || ms <= 0) {
    throw new Error(
      `host.json "functionTimeout" must be a TimeSpan like "00:05:00" or -1 for no limit, got ${JSON.stringify(raw)}.`,
    );
  }
  return ms;
}

/** `hh:mm:ss` (with `d.` when a day or more), as .NET prints a TimeSpan. */
export function formatTimeSpan(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor(totalSeconds / 3600) % 24)}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}`;
  return days > 0 ? `${days}.${clock}` : clock;
}
