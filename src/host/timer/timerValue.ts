/**
 * The timer trigger value as the host sends it: PascalCase JSON (`Schedule`, `ScheduleStatus`,
 * `IsPastDue`) that `@azure/functions` camel-cases into `{schedule, scheduleStatus, isPastDue}`.
 * `.NET` writes `DateTime.MinValue` for "never ran".
 */
import type { RpcTypedData } from '../extension';

export const NEVER = '0001-01-01T00:00:00';

export interface TimerStatus {
  readonly last: string;
  readonly next: string;
  readonly lastUpdated: string;
}

export function timerTriggerValue(status: TimerStatus, isPastDue: boolean): RpcTypedData {
  return {
    json: JSON.stringify({
      Schedule: { AdjustForDST: true },
      ScheduleStatus: { Last: status.last, Next: status.next, LastUpdated: status.lastUpdated },
      IsPastDue: isPastDue,
    }),
  };
}

/** Replaces each `%Name%` with the app setting (environment variable) `Name`. */
export function resolveAppSettings(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return text.replace(/%([^%]+)%/g, (_whole, name: string) => {
    const value = env[name];
    if (value === undefined) {
      throw new Error(
        `App setting '${name}' (referenced as %${name}%) is not set. Add it to local.settings.json "Values" or the environment.`,
      );
    }
    return value;
  });
}
