/**
 * Telemetry end to end: a run on the embedded host (the built app in dist/) reports its spans once,
 * when it ends, to the exporter the test installs; the Http connector sent each action's span id.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { metrics } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installSpanExporter } from '../../src/telemetry/exporter';
import { actionSpanId, runSpanId, traceIdFor } from '../../src/telemetry/ids';
import { metricPoints, TestMetricReader } from './metric-reader';
import { type Backend, eventually, type Flowline, startBackend, startFlowline } from '../workflows/helpers';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('run telemetry', () => {
  const exporter = new InMemorySpanExporter();
  const logRecords = new InMemoryLogRecordExporter();
  const metricReader = new TestMetricReader();
  let backend: Backend;
  let flowline: Flowline;
  const dir = mkdtempSync(join(tmpdir(), 'flowline-telemetry-'));
  let flaky = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'traced.json'), readFileSync(resolve(__dirname, 'fixtures/traced.json'), 'utf8'));
    writeFileSync(
      join(dir, 'waiting.json'),
      readFileSync(resolve(__dirname, 'fixtures/waiting.json'), 'utf8'),
    );
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [metricReader] }));
    logs.setGlobalLoggerProvider(
      new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter: logRecords })] }),
    );
    backend = await startBackend((call) => {
      if (call.path === '/flaky')
        return flaky++ % 2 === 0 ? { status: 503 } : { status: 200, body: { ok: 1 } };
      if (call.path.startsWith('/item/')) return { status: 200, body: { item: call.path } };
      return undefined;
    });
    installSpanExporter(exporter);
    flowline = await startFlowline({ TRACED_URL: backend.url, FLOWLINE_WORKFLOWS_DIR: dir });
  });
  afterAll(async () => {
    installSpanExporter(undefined);
    await flowline.stop();
    await backend.close();
  });
  beforeEach(() => {
    exporter.reset();
    logRecords.reset();
  });

  const start = async (headers: Record<string, string>): Promise<string> => {
    const response = await fetch(`${flowline.origin}/api/workflows/traced/triggers/manual/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ order: 'A-17', token: 'TOKEN-VALUE' }),
    });
    expect(response.status).toBe(202);
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    const view = await flowline.waitForRun('traced', runId);
    expect(view.status).toBe('Succeeded');
    return runId;
  };

  const spansOf = (runId: string): Promise<ReadableSpan[]> =>
    eventually(() => {
      const spans = exporter.getFinishedSpans().filter((s) => s.attributes['flowline.run.id'] === runId);
      return spans.some((s) => s.name === 'workflow.run') ? spans : undefined;
    });

  const one = (spans: readonly ReadableSpan[], name: string): ReadableSpan => {
    const found = spans.filter((s) => s.name === name);
    expect(found, name).toHaveLength(1);
    return found[0] as ReadableSpan;
  };
  const id = (span: ReadableSpan): string => span.spanContext().spanId;
  const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

  it('reports one span per action in the caller trace, each under the right parent', async () => {
    const runId = await start({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` });
    const spans = await spansOf(runId);

    const counts: Record<string, number> = {};
    for (const span of spans) counts[span.name] = (counts[span.name] ?? 0) + 1;
    expect(counts).toEqual({
      'workflow.run': 1,
      Tag_Order: 1,
      Call_Backend: 1,
      Hide_Token: 1,
      For_each: 1,
      'For_each[0]': 1,
      'For_each[1]': 1,
      Call_Item: 2,
      Note_Item: 2,
    });
    for (const span of spans) expect(span.spanContext().traceId).toBe(TRACE_ID);

    const run = one(spans, 'workflow.run');
    expect(parentOf(run)).toBe(CALLER_SPAN);
    expect(run.attributes).toMatchObject({
      'flowline.workflow': 'traced',
      'flowline.run.id': runId,
      'flowline.run.status': 'Succeeded',
      'flowline.trigger.name': 'manual',
    });
    for (const name of ['Tag_Order', 'Call_Backend', 'Hide_Token', 'For_each'])
      expect(parentOf(one(spans, name)), name).toBe(id(run));

    const loop = one(spans, 'For_each');
    for (const index of [0, 1]) {
      const iteration = one(spans, `For_each[${index}]`);
      expect(parentOf(iteration)).toBe(id(loop));
      const inside = spans.filter((s) => parentOf(s) === id(iteration)).map((s) => s.name);
      expect(inside.sort()).toEqual(['Call_Item', 'Note_Item']);
    }

    const retried = one(spans, 'Call_Backend');
    expect(retried.attributes).toMatchObject({
      'flowline.action.type': 'Http',
      'flowline.action.status': 'Succeeded',
      'flowline.action.retries': 1,
    });
    expect(one(spans, 'Tag_Order').attributes).toMatchObject({
      'flowline.tracked.order': 'A-17',
      'flowline.tracked.meta.region': 'eu',
    });
    const secure = one(spans, 'Hide_Token');
    expect(Object.keys(secure.attributes).filter((k) => k.startsWith('flowline.tracked'))).toEqual([]);

    // Backends saw the exported Http action spans as their parents, on every attempt.
    const flakyCalls = backend.calls.filter((c) => c.path === '/flaky').slice(-2);
    expect(flakyCalls.map((c) => c.headers['traceparent'])).toEqual([
      `00-${TRACE_ID}-${id(retried)}-01`,
      `00-${TRACE_ID}-${id(retried)}-01`,
    ]);
    for (const index of [0, 1]) {
      const iteration = one(spans, `For_each[${index}]`);
      const item = spans.find((s) => s.name === 'Call_Item' && parentOf(s) === id(iteration));
      const call = backend.calls.filter((c) => c.path === `/item/${index + 1}`).at(-1);
      expect(call?.headers['traceparent']).toBe(`00-${TRACE_ID}-${id(item as ReadableSpan)}-01`);
    }

    // Nothing from inputs or outputs, secure or not.
    const values = JSON.stringify(spans.map((s) => s.attributes));
    for (const secret of ['INPUT-VALUE', 'BODY-VALUE', 'SECURE-VALUE', 'ITEM-VALUE', 'TOKEN-VALUE', '"ok"'])
      expect(values).not.toContain(secret);
  });

  it('gives the iterations of a partitioned loop the spans, keys and parents they have inline', async () => {
    process.env['FLOWLINE_FOREACH_PARTITION'] = '1'; // each of the two items in its own partition
    let runId: string;
    try {
      runId = await start({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` });
    } finally {
      delete process.env['FLOWLINE_FOREACH_PARTITION'];
    }
    const spans = await spansOf(runId);
    const loop = one(spans, 'For_each');
    for (const index of [0, 1]) {
      const iteration = one(spans, `For_each[${index}]`);
      expect(parentOf(iteration)).toBe(id(loop));
      const item = spans.find((s) => s.name === 'Call_Item' && parentOf(s) === id(iteration));
      expect(item && id(item)).toBe(actionSpanId(runId, `For_each[${index}]`, 'Call_Item'));
      const call = backend.calls.filter((c) => c.path === `/item/${index + 1}`).at(-1);
      expect(call?.headers['traceparent']).toBe(`00-${TRACE_ID}-${id(item as ReadableSpan)}-01`);
    }
    expect(spans.filter((s) => s.name === 'workflow.run')).toHaveLength(1);
  });

  it('counts runs and times actions in metrics, per workflow', async () => {
    const runId = await start({});
    await spansOf(runId);
    const points = await metricPoints(metricReader);
    const started = points.find(
      (p) => p.name === 'flowline.runs.started' && p.attributes['flowline.workflow'] === 'traced',
    );
    const succeeded = points.find(
      (p) => p.name === 'flowline.runs.succeeded' && p.attributes['flowline.workflow'] === 'traced',
    );
    expect(started?.value).toBeGreaterThanOrEqual(1);
    expect(succeeded?.value).toBeGreaterThanOrEqual(1);
    expect(started?.attributes['flowline.trigger.name']).toBe('manual');
    const callItem = points.find(
      (p) => p.name === 'flowline.action.duration' && p.attributes['flowline.action'] === 'Call_Item',
    );
    // Two iterations per run, each one Call_Item: the histogram counts every one of them.
    expect(callItem?.count).toBeGreaterThanOrEqual(2);
    expect(callItem?.attributes).toMatchObject({
      'flowline.workflow': 'traced',
      'flowline.action.type': 'Http',
      'flowline.action.status': 'Succeeded',
    });
  });

  it('logs the run and the retried action with the run id, the action name and their span', async () => {
    const runId = await start({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` });
    await spansOf(runId);
    const records = logRecords
      .getFinishedLogRecords()
      .filter((r) => r.attributes['flowline.run.id'] === runId);
    expect(records.map((r) => [r.severityText, r.attributes['flowline.action'] ?? null])).toEqual([
      ['Warning', 'Call_Backend'],
      ['Information', null],
    ]);
    const [retried, run] = records;
    expect(retried?.body).toBe(`Action 'Call_Backend' (Http) of run ${runId} succeeded after 1 retry`);
    expect(retried?.spanContext).toMatchObject({
      traceId: TRACE_ID,
      spanId: actionSpanId(runId, '', 'Call_Backend'),
    });
    expect(run?.body).toMatch(new RegExp(`^Run ${runId} of workflow 'traced' succeeded in \\d+ ms$`));
    expect(run?.spanContext).toMatchObject({ traceId: TRACE_ID, spanId: runSpanId(runId) });
    expect(JSON.stringify(records.map((r) => [r.body, r.attributes]))).not.toContain('TOKEN-VALUE');
  });

  it('reports a cancelled run with its actions so far, once', async () => {
    const response = await fetch(`${flowline.origin}/api/workflows/waiting/triggers/manual/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    await eventually(async () => {
      const view = (await (await fetch(`${flowline.origin}/api/workflows/waiting/runs/${runId}`)).json()) as {
        actions?: { name: string; status: string }[];
      };
      return view.actions?.some((a) => a.name === 'Hold' && a.status === 'Running') ? true : undefined;
    });
    const cancel = await fetch(`${flowline.origin}/api/workflows/waiting/runs/${runId}/cancel`, {
      method: 'POST',
    });
    expect(cancel.status).toBe(202);
    const spans = await spansOf(runId);
    expect(spans.map((s) => s.name).sort()).toEqual(['First', 'Hold', 'workflow.run']);
    expect(one(spans, 'workflow.run').attributes['flowline.run.status']).toBe('Cancelled');
    const points = await metricPoints(metricReader);
    expect(
      points.find(
        (p) => p.name === 'flowline.runs.cancelled' && p.attributes['flowline.workflow'] === 'waiting',
      )?.value,
    ).toBe(1);
  });

  it('derives the trace from the run id when the caller sent no traceparent', async () => {
    const runId = await start({});
    const spans = await spansOf(runId);
    const run = one(spans, 'workflow.run');
    expect(run.spanContext().traceId).toBe(traceIdFor(runId, undefined));
    expect(id(run)).toBe(runSpanId(runId));
    expect(parentOf(run)).toBeUndefined();
    const call = backend.calls.filter((c) => c.path === '/flaky').at(-1);
    expect(call?.headers['traceparent']).toBe(
      `00-${traceIdFor(runId, undefined)}-${id(one(spans, 'Call_Backend'))}-01`,
    );
  });

  it('adds no telemetry step to runs that start while telemetry is off', async () => {
    installSpanExporter(undefined);
    try {
      const runId = await start({});
      const history = flowline.durable.store?.history(runId) ?? [];
      expect(history.length).toBeGreaterThan(0);
      expect(JSON.stringify(history)).not.toContain('flowline-telemetry');
      expect(exporter.getFinishedSpans()).toEqual([]);
    } finally {
      installSpanExporter(exporter);
    }
  });
});
