/** Recurrence triggers end to end: a timer function per trigger, driven by the host's test clock. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/host/manualClock';
import { type Backend, eventually, type Flowline, startBackend, startFlowline } from '../workflows/helpers';

describe('Recurrence trigger', () => {
  let backend: Backend;
  let flowline: Flowline;
  const clock = new ManualClock(new Date('2026-03-02T10:02:30Z'));

  beforeAll(async () => {
    backend = await startBackend(() => ({ status: 200 }));
    flowline = await startFlowline(
      { FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../fixtures/recurrence'), HEARTBEAT_URL: backend.url },
      clock,
    );
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  it('registers one timer function per Recurrence trigger', () => {
    expect([...flowline.host.runtime.functions.keys()]).toContain('recurrence-heartbeat-Every_5_minutes');
  });

  it('starts one run per occurrence, named after it, and none between occurrences', async () => {
    clock.advanceTo(new Date('2026-03-02T10:05:00Z'));
    const first = await eventually(() => backend.calls[0]);
    const runId = 'heartbeat:Every_5_minutes:2026-03-02T10:05:00.000Z';
    expect(first.body).toEqual({ scheduledTime: '2026-03-02T10:05:00.000Z', run: runId });
    expect((await flowline.waitForRun('heartbeat', runId)).status).toBe('Succeeded');

    clock.advanceTo(new Date('2026-03-02T10:09:59Z'));
    await new Promise((done) => setTimeout(done, 200));
    expect(backend.calls).toHaveLength(1);

    clock.advanceTo(new Date('2026-03-02T10:10:00Z'));
    const second = await eventually(() => backend.calls[1]);
    expect(second.body).toEqual({
      scheduledTime: '2026-03-02T10:10:00.000Z',
      run: 'heartbeat:Every_5_minutes:2026-03-02T10:10:00.000Z',
    });
  });

  it('lists the scheduled runs like any other run', async () => {
    const response = await fetch(`${flowline.origin}/api/workflows/heartbeat/runs`);
    const list = (await response.json()) as { value: { id: string }[] };
    expect(list.value.map((run) => run.id)).toEqual([
      'heartbeat:Every_5_minutes:2026-03-02T10:10:00.000Z',
      'heartbeat:Every_5_minutes:2026-03-02T10:05:00.000Z',
    ]);
  });
});
