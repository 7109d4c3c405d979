/**
 * Run and action metrics, recorded through the OpenTelemetry metrics API. Where they go is the
 * global meter provider's business: Application Insights (`customMetrics`) once
 * `startApplicationInsights` ran, a test's in-memory reader in the tests, nowhere otherwise.
 *
 * | metric                     | kind           | attributes                                   |
 * | -------------------------- | -------------- | -------------------------------------------- |
 * | `flowline.runs.started`    | counter        | workflow, trigger                            |
 * | `flowline.runs.succeeded`  | counter        | workflow                                     |
 * | `flowline.runs.failed`     | counter        | workflow, error code                         |
 * | `flowline.runs.cancelled`  | counter        | workflow                                     |
 * | `flowline.run.duration`    | histogram (ms) | workflow, status                             |
 * | `flowline.action.duration` | histogram (ms) | workflow, action, action type, action status |
 */
import { type Counter, type Histogram, type MeterProvider, metrics } from '@opentelemetry/api';
import { version } from '../version';
import { activeSpanExporter } from './exporter';
import type { FinishedRun } from './spans';
import { durationMs, walkActions } from './walk';

interface Instruments {
  readonly started: Counter;
  readonly succeeded: Counter;
  readonly failed: Counter;
  readonly cancelled: Counter;
  readonly runDuration: Histogram;
  readonly actionDuration: Histogram;
}

// Instruments made from a provider stay bound to it: keep one set per provider, so a provider
// installed later (Application Insights starting after this module loaded) is still used.
const byProvider = new WeakMap<MeterProvider, Instruments>();

function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  const known = byProvider.get(provider);
  if (known !== undefined) return known;
  const meter = provider.getMeter('flowline', version);
  const made: Instruments = {
    started: meter.createCounter('flowline.runs.started', { description: 'Runs started' }),
    succeeded: meter.createCounter('flowline.runs.succeeded', { description: 'Runs that succeeded' }),
    failed: meter.createCounter('flowline.runs.failed', { description: 'Runs that failed' }),
    cancelled: meter.createCounter('flowline.runs.cancelled', { description: 'Runs cancelled' }),
    runDuration: meter.createHistogram('flowline.run.duration', { unit: 'ms', description: 'Run time' }),
    actionDuration: meter.createHistogram('flowline.action.duration', {
      unit: 'ms',
      description: 'Action time, from its start to its end (retries included)',
    }),
  };
  byProvider.set(provider, made);
  return made;
}

/**
 * Counts a started run. Waits for a telemetry exporter still loading (Application Insights takes a
 * second to start), so the runs a cold start takes in are counted too.
 */
export function recordRunStarted(workflow: string, trigger: string): void {
  void activeSpanExporter().then(() =>
    instruments().started.add(1, { 'flowline.workflow': workflow, 'flowline.trigger.name': trigger }),
  );
}

export function recordRunFinished(run: FinishedRun): void {
  const made = instruments();
  const workflow = run.input.workflow;
  if (run.status === 'Succeeded') made.succeeded.add(1, { 'flowline.workflow': workflow });
  else if (run.status === 'Cancelled') made.cancelled.add(1, { 'flowline.workflow': workflow });
  else
    made.failed.add(1, {
      'flowline.workflow': workflow,
      'flowline.run.error_code': run.errorCode ?? 'Unknown',
    });
  const runMs = durationMs(run.startTime, run.endTime);
  if (runMs !== undefined)
    made.runDuration.record(runMs, { 'flowline.workflow': workflow, 'flowline.run.status': run.status });
  walkActions(run.actions, (record) => {
    const ms = durationMs(record.startTime, record.endTime);
    if (ms === undefined) return;
    made.actionDuration.record(ms, {
      'flowline.workflow': workflow,
      'flowline.action': record.name,
      'flowline.action.type': record.type,
      'flowline.action.status': record.status,
    });
  });
}
