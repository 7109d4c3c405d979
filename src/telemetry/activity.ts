/**
 * The `flowline-telemetry` activity: called once by the orchestrator when the engine has returned.
 * It reads the run's history, derives the action tree (as the run view does) and emits the run's
 * spans. Emitting from the derived tree, once, means orchestrator replays never duplicate a span.
 * It never fails the run: a telemetry problem is logged and swallowed.
 */
import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import { deriveRun } from '../engine/history/derive';
import type { RunInput } from '../engine/run-types';
import { fetchHistory } from '../functions/api/history';
import { isRunInput } from '../functions/api/run-input';
import { activeSpanExporter } from './exporter';
import type { TelemetryActivityInput } from './names';
import { emitRunSpans } from './spans';

export async function telemetryActivity(
  input: TelemetryActivityInput,
  context: InvocationContext,
): Promise<boolean> {
  const exporter = activeSpanExporter();
  if (exporter === undefined) return false;
  try {
    const client = df.getClient(context);
    const status = await client.getStatus(input.runId, { showInput: true });
    if (!isRunInput(status.input)) return false;
    const runInput: RunInput = status.input;
    const history = await fetchHistory(client, input.runId);
    const derived = deriveRun(input.runId, runInput, history, (name) => process.env[name]);
    const started = history.find((e) => e.EventType === 'ExecutionStarted')?.Timestamp;
    await emitRunSpans(
      {
        runId: input.runId,
        input: runInput,
        status: derived.result?.status ?? 'Unknown',
        ...(derived.result?.error === undefined ? {} : { errorCode: derived.result.error.code }),
        startTime: started ?? runInput.trigger.startTime,
        endTime: input.endTime ?? new Date().toISOString(),
        actions: derived.actions,
      },
      exporter,
    );
    return true;
  } catch (error) {
    context.warn(`Telemetry for run '${input.runId}' was not emitted: ${(error as Error).message}`);
    return false;
  }
}
