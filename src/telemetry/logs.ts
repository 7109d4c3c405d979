/**
 * Log records for a finished run, through the OpenTelemetry logs API (Application Insights `traces`
 * once `startApplicationInsights` ran). Like the spans they are emitted once, from the derived
 * action tree, so replays never repeat them. Each record carries the run id (and the action's name
 * and loop path) as attributes and the span it belongs to as its trace context, so Application
 * Insights files it under the run's operation.
 *
 * - one record per run: Information when it succeeded, Warning when cancelled, Error when it failed;
 * - one Error record per action that failed or timed out, one Warning per action that needed retries;
 *   at most `ACTION_RECORDS` per run, then one record that counts the rest.
 * The error message of an action with secure inputs or outputs is left out: it may quote them.
 */
import { type Context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { type AnyValueMap, logs, SeverityNumber } from '@opentelemetry/api-logs';
import type { ActionRecord } from '../engine/run-types';
import { version } from '../version';
import { actionSpanId, runSpanId, traceIdFor } from './ids';
import type { FinishedRun } from './spans';
import { durationMs, walkActions } from './walk';

export const ACTION_RECORDS = 100;

export function emitRunLogs(run: FinishedRun): void {
  const logger = logs.getLogger('flowline', version);
  const traceId = traceIdFor(run.runId, run.input.traceparent);
  const under = (spanId: string): Context =>
    trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED });
  const common = { 'flowline.workflow': run.input.workflow, 'flowline.run.id': run.runId };

  let emitted = 0;
  let left = 0;
  walkActions(run.actions, (record, loopPath) => {
    const failed = record.status === 'Failed' || record.status === 'TimedOut';
    const retries = record.retryHistory?.length ?? 0;
    if (!failed && retries === 0) return;
    if (emitted === ACTION_RECORDS) {
      left++;
      return;
    }
    emitted++;
    const where = loopPath === '' ? '' : ` in ${loopPath}`;
    logger.emit({
      severityNumber: failed ? SeverityNumber.ERROR : SeverityNumber.WARN,
      severityText: failed ? 'Error' : 'Warning',
      body: failed
        ? `Action '${record.name}' (${record.type})${where} of run ${run.runId} ${record.status.toLowerCase()}: ${reason(record)}`
        : `Action '${record.name}' (${record.type})${where} of run ${run.runId} ${record.status.toLowerCase()} after ${retries} ${retries === 1 ? 'retry' : 'retries'}`,
      attributes: {
        ...common,
        'flowline.action': record.name,
        'flowline.action.type': record.type,
        'flowline.action.status': record.status,
        'flowline.action.retries': retries,
        ...(loopPath === '' ? {} : { 'flowline.loop.path': loopPath }),
        ...(record.code === undefined ? {} : { 'flowline.action.code': record.code }),
      },
      context: under(actionSpanId(run.runId, loopPath, record.name)),
    });
  });
  if (left > 0)
    logger.emit({
      severityNumber: SeverityNumber.WARN,
      severityText: 'Warning',
      body: `Run ${run.runId}: ${left} more actions failed or were retried (the run view lists them all)`,
      attributes: common,
      context: under(runSpanId(run.runId)),
    });

  const failed = run.status !== 'Succeeded' && run.status !== 'Cancelled';
  const ms = durationMs(run.startTime, run.endTime);
  const attributes: AnyValueMap = {
    ...common,
    'flowline.run.status': run.status,
    'flowline.trigger.name': run.input.trigger.name,
    ...(run.errorCode === undefined ? {} : { 'flowline.run.error_code': run.errorCode }),
  };
  logger.emit({
    severityNumber: failed
      ? SeverityNumber.ERROR
      : run.status === 'Cancelled'
        ? SeverityNumber.WARN
        : SeverityNumber.INFO,
    severityText: failed ? 'Error' : run.status === 'Cancelled' ? 'Warning' : 'Information',
    body: `Run ${run.runId} of workflow '${run.input.workflow}' ${run.status.toLowerCase()}${ms === undefined ? '' : ` in ${ms} ms`}${run.errorCode === undefined ? '' : ` (${run.errorCode})`}`,
    attributes,
    context: under(runSpanId(run.runId)),
  });
}

/** The action's error code and message; only the code when its data is secure. */
function reason(record: ActionRecord): string {
  const code = record.code ?? 'ActionFailed';
  if (record.secureInputs === true || record.secureOutputs === true) return code;
  const error = record.error;
  const message =
    typeof error === 'object' &&
    error !== null &&
    !Array.isArray(error) &&
    typeof error['message'] === 'string'
      ? error['message']
      : typeof error === 'string'
        ? error
        : undefined;
  return message === undefined ? code : `${code}: ${message}`;
}
