/**
 * Reports one run to telemetry: derives its action tree from the durable history (as the run view
 * does) and emits its spans, metrics and logs. Called once per run: by the `flowline-telemetry`
 * activity when the engine has returned, or by the cancel route for a run that will never get there.
 */
import type * as df from 'durable-functions';
import type { RunStatus } from '../engine/run-types';
import { fetchHistory } from '../functions/api/history';
import { deriveWithPartitions } from '../functions/api/partitions';
import { isRunInput } from '../functions/api/run-input';
import { activeSpanExporter } from './exporter';
import { emitRunLogs } from './logs';
import { recordRunFinished } from './metrics';
import { emitRunSpans, type FinishedRun } from './spans';

export interface ReportOptions {
  /** The end of the run span; default now. */
  readonly endTime?: string;
  /** The run's status when the history cannot tell it yet (a run being cancelled). */
  readonly status?: RunStatus;
}

/** True when the run was reported; false when telemetry is off or was off when the run started. */
export async function reportRun(
  client: df.DurableClient,
  runId: string,
  options: ReportOptions = {},
): Promise<boolean> {
  const exporter = await activeSpanExporter();
  if (exporter === undefined) return false;
  const status = await client.getStatus(runId, { showInput: true });
  if (!isRunInput(status.input) || status.input.telemetry !== true) return false;
  const input = status.input;
  const history = await fetchHistory(client, runId);
  const derived = await deriveWithPartitions(client, runId, input, history);
  const started = history.find((e) => e.EventType === 'ExecutionStarted')?.Timestamp;
  const run: FinishedRun = {
    runId,
    input,
    status: options.status ?? derived.result?.status ?? 'Unknown',
    ...(derived.result?.error === undefined ? {} : { errorCode: derived.result.error.code }),
    startTime: started ?? input.trigger.startTime,
    endTime: options.endTime ?? new Date().toISOString(),
    actions: derived.actions,
  };
  recordRunFinished(run);
  emitRunLogs(run);
  await emitRunSpans(run, exporter);
  return true;
}
