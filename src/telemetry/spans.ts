/**
 * Turns a finished run's derived action tree into spans: one `workflow.run` span, one span per
 * action (named after the action), and for loops one span per iteration with its actions under it.
 * Ids are deterministic (see ids.ts), times come from the records. Never an input or an output:
 * only names, types, statuses, codes, retry counts and (unless the action is secure) tracked properties.
 */
import {
  type Attributes,
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  type IdGenerator,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { exportAll } from './export-all';
import { telemetryResource } from './resource';
import type { ActionRecord, RunInput, RunStatus } from '../engine/run-types';
import { trackedEntries } from './walk';
import { actionSpanId, iterationSpanId, parseTraceparent, runSpanId, traceIdFor } from './ids';

export interface FinishedRun {
  readonly runId: string;
  readonly input: RunInput;
  readonly status: RunStatus | 'Unknown';
  readonly errorCode?: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly actions: readonly ActionRecord[];
}

/** Hands out the id set just before each `startSpan`, so every span gets its deterministic id. */
class FixedIds implements IdGenerator {
  traceId = '';
  spanId = '';
  generateTraceId(): string {
    return this.traceId;
  }
  generateSpanId(): string {
    return this.spanId;
  }
}

export const RUN_SPAN = 'workflow.run';

/**
 * Builds the run's spans and hands them to `exporter` in a few large batches (an exporter such as
 * Azure Monitor's sends one request per batch, so a loop of 1,000 iterations is not 1,000 requests).
 */
export async function emitRunSpans(run: FinishedRun, exporter: SpanExporter): Promise<void> {
  const ids = new FixedIds();
  const collected = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    idGenerator: ids,
    sampler: new AlwaysOnSampler(),
    resource: telemetryResource(),
    spanProcessors: [new SimpleSpanProcessor(collected)],
  });
  const tracer = provider.getTracer('flowline');
  const { runId, input } = run;
  ids.traceId = traceIdFor(runId, input.traceparent);
  const incoming = parseTraceparent(input.traceparent);
  const parent =
    incoming === undefined
      ? ROOT_CONTEXT
      : trace.setSpanContext(ROOT_CONTEXT, {
          traceId: incoming.traceId,
          spanId: incoming.spanId,
          traceFlags: TraceFlags.SAMPLED,
          isRemote: true,
        });

  const start = (
    name: string,
    spanId: string,
    context: Context,
    startTime: string,
    kind: SpanKind,
    attributes: Attributes,
  ): Span => {
    ids.spanId = spanId;
    return tracer.startSpan(name, { kind, startTime: new Date(startTime), attributes }, context);
  };

  const runSpan = start(RUN_SPAN, runSpanId(runId), parent, run.startTime, SpanKind.SERVER, {
    'flowline.workflow': input.workflow,
    'flowline.run.id': runId,
    'flowline.run.status': run.status,
    'flowline.trigger.name': input.trigger.name,
    ...(run.errorCode === undefined ? {} : { 'flowline.run.error_code': run.errorCode }),
    ...(input.parentRunId === undefined ? {} : { 'flowline.run.parent_id': input.parentRunId }),
  });

  const emit = (records: readonly ActionRecord[], context: Context, loopPath: string): void => {
    for (const record of records) {
      const startTime = record.startTime ?? record.endTime ?? run.startTime;
      const span = start(
        record.name,
        actionSpanId(runId, loopPath, record.name),
        context,
        startTime,
        record.type.toLowerCase() === 'http' ? SpanKind.CLIENT : SpanKind.INTERNAL,
        actionAttributes(runId, input.workflow, record),
      );
      const inner = trace.setSpan(ROOT_CONTEXT, span);
      emit(record.children ?? [], inner, loopPath);
      for (const [index, actions] of (record.iterations ?? []).entries()) {
        const path = `${loopPath === '' ? '' : `${loopPath}/`}${record.name}[${index}]`;
        const times = actions.flatMap((a) => [a.startTime, a.endTime]).filter((t) => t !== undefined);
        times.sort();
        const iteration = start(
          `${record.name}[${index}]`,
          iterationSpanId(runId, path),
          inner,
          times[0] ?? startTime,
          SpanKind.INTERNAL,
          {
            'flowline.workflow': input.workflow,
            'flowline.run.id': runId,
            'flowline.loop': record.name,
            'flowline.iteration.index': index,
          },
        );
        emit(actions, trace.setSpan(ROOT_CONTEXT, iteration), path);
        iteration.end(new Date(times.at(-1) ?? times[0] ?? startTime));
      }
      setStatus(span, record.status);
      span.end(new Date(record.endTime ?? run.endTime));
    }
  };
  emit(run.actions, trace.setSpan(ROOT_CONTEXT, runSpan), '');
  setStatus(runSpan, run.status);
  runSpan.end(new Date(run.endTime));
  await provider.forceFlush();
  await exportAll(exporter, collected.getFinishedSpans());
}

function setStatus(span: Span, status: string): void {
  if (status === 'Succeeded') span.setStatus({ code: SpanStatusCode.OK });
  else if (status === 'Failed' || status === 'TimedOut') span.setStatus({ code: SpanStatusCode.ERROR });
}

function actionAttributes(runId: string, workflow: string, record: ActionRecord): Attributes {
  const attributes: Attributes = {
    'flowline.workflow': workflow,
    'flowline.run.id': runId,
    'flowline.action.type': record.type,
    'flowline.action.status': record.status,
    'flowline.action.retries': record.retryHistory?.length ?? 0,
  };
  if (record.code !== undefined) attributes['flowline.action.code'] = record.code;
  // Tracked properties of a secure action may carry its secure inputs or outputs: dropped.
  const secure = record.secureInputs === true || record.secureOutputs === true;
  if (!secure && record.trackedProperties !== undefined)
    for (const [name, value] of trackedEntries(record.trackedProperties))
      if (value !== null) attributes[name === '' ? 'flowline.tracked' : `flowline.tracked.${name}`] = value;
  return attributes;
}
