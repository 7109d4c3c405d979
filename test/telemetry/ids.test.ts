/** Deterministic trace context and the span tree built from a derived run, without a host. */
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import type { ActionRecord, RunInput } from '../../src/engine/run-types';
import {
  actionSpanId,
  actionTraceparent,
  iterationSpanId,
  parseTraceparent,
  runSpanId,
  traceIdFor,
} from '../../src/telemetry/ids';
import { emitRunSpans } from '../../src/telemetry/spans';

const INCOMING = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace ids', () => {
  it('reads valid W3C traceparents only', () => {
    expect(parseTraceparent(INCOMING)).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      flags: 1,
    });
    for (const bad of [
      undefined,
      '',
      'garbage',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    ])
      expect(parseTraceparent(bad), String(bad)).toBeUndefined();
  });

  it('is stable per run and per action position, and the connector header matches the span id', () => {
    expect(traceIdFor('run-1', undefined)).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdFor('run-1', undefined)).toBe(traceIdFor('run-1', 'not a traceparent'));
    expect(traceIdFor('run-1', undefined)).not.toBe(traceIdFor('run-2', undefined));
    expect(traceIdFor('run-1', INCOMING)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(actionSpanId('run-1', 'Loop[0]', 'Call')).not.toBe(actionSpanId('run-1', 'Loop[1]', 'Call'));
    expect(actionTraceparent('run-1/Loop[1]/Call', undefined)).toBe(
      `00-${traceIdFor('run-1', undefined)}-${actionSpanId('run-1', 'Loop[1]', 'Call')}-01`,
    );
    expect(actionTraceparent('run-1/Call', INCOMING)).toBe(
      `00-4bf92f3577b34da6a3ce929d0e0e4736-${actionSpanId('run-1', '', 'Call')}-01`,
    );
  });
});

describe('emitRunSpans', () => {
  const input: RunInput = {
    workflow: 'wf',
    definition: {},
    trigger: { name: 'manual', type: 'Request', startTime: '2026-01-01T00:00:00.000Z', outputs: {} },
  };
  const at = (s: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
  const record = (name: string, extra: Partial<ActionRecord> = {}): ActionRecord => ({
    name,
    type: 'Compose',
    status: 'Succeeded',
    startTime: at(1),
    endTime: at(2),
    inputs: 'IN',
    outputs: 'OUT',
    ...extra,
  });

  it('nests scope children and until iterations, drops secure tracked properties, skips nulls', async () => {
    const exporter = new InMemorySpanExporter();
    await emitRunSpans(
      {
        runId: 'r',
        input,
        status: 'Failed',
        errorCode: 'ActionFailed',
        startTime: at(0),
        endTime: at(9),
        actions: [
          record('Scope', {
            type: 'Scope',
            status: 'Failed',
            children: [
              record('Inner', { trackedProperties: { a: { b: 1 }, list: [1, 2], none: null } }),
              record('Secret', { secureOutputs: true, trackedProperties: { t: 'x' } }),
            ],
          }),
          record('Until', { type: 'Until', iterations: [[record('Step')], [record('Step')]] }),
          record('Skipped', { status: 'Skipped', startTime: undefined, endTime: undefined }),
        ],
      },
      exporter,
    );
    const spans = exporter.getFinishedSpans();
    const byName = (name: string) => spans.filter((s) => s.name === name);
    const id = (name: string): string => byName(name)[0]?.spanContext().spanId ?? '';
    expect(spans.map((s) => s.name).sort()).toEqual(
      [
        'Inner',
        'Scope',
        'Secret',
        'Skipped',
        'Step',
        'Step',
        'Until',
        'Until[0]',
        'Until[1]',
        'workflow.run',
      ].sort(),
    );
    expect(id('workflow.run')).toBe(runSpanId('r'));
    expect(byName('Inner')[0]?.parentSpanContext?.spanId).toBe(id('Scope'));
    expect(byName('Inner')[0]?.attributes).toMatchObject({
      'flowline.tracked.a.b': 1,
      'flowline.tracked.list': '[1,2]',
    });
    expect(Object.keys(byName('Inner')[0]?.attributes ?? {})).not.toContain('flowline.tracked.none');
    expect(Object.keys(byName('Secret')[0]?.attributes ?? {}).some((k) => k.includes('tracked'))).toBe(false);
    expect(id('Until[1]')).toBe(iterationSpanId('r', 'Until[1]'));
    const steps = byName('Step').map((s) => s.spanContext().spanId);
    expect(steps.sort()).toEqual(
      [actionSpanId('r', 'Until[0]', 'Step'), actionSpanId('r', 'Until[1]', 'Step')].sort(),
    );
    expect(byName('workflow.run')[0]?.status.code).toBe(2);
    expect(byName('workflow.run')[0]?.attributes['flowline.run.error_code']).toBe('ActionFailed');
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toMatch(/"IN"|"OUT"/);
  });
});
