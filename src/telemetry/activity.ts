/**
 * The `flowline-telemetry` activity: called once by the orchestrator when the engine has returned,
 * it reports the run (report.ts). Reporting from the derived tree, once, means orchestrator replays
 * never duplicate a span, metric or log record. It never fails the run: a problem is logged and swallowed.
 */
import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import type { TelemetryActivityInput } from './names';
import { reportRun } from './report';

export async function telemetryActivity(
  input: TelemetryActivityInput,
  context: InvocationContext,
): Promise<boolean> {
  try {
    return await reportRun(df.getClient(context), input.runId, {
      ...(input.endTime === undefined ? {} : { endTime: input.endTime }),
    });
  } catch (error) {
    context.warn(`Telemetry for run '${input.runId}' was not emitted: ${(error as Error).message}`);
    return false;
  }
}
