import { expect, test } from 'vitest';
import { ManualClock } from '../../../src/host/manualClock';
import { eventTypes, startDurable } from './helpers';

test('a 10-day timer runs as 3-day sub-timers on a skipping clock and completes exactly 10 days later', async () => {
  const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
  const d = await startDurable('durable-basic', { clock });
  try {
    const { id = '' } = await d.start('LongWait');
    const fired: string[] = [];
    for (let i = 0; i < 200; i++) {
      const status = await d.status(id);
      if (status.runtimeStatus === 'Completed') break;
      const next = clock.pending[0];
      if (next) {
        fired.push(next.toISOString());
        clock.advanceTo(next);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await d.status(id)).toMatchObject({ runtimeStatus: 'Completed', output: 10 });
    expect(fired).toEqual([
      '2026-03-04T00:00:00.000Z',
      '2026-03-07T00:00:00.000Z',
      '2026-03-11T00:00:00.000Z',
    ]);
    expect(eventTypes(d.extension.store?.history(id) ?? [])).toEqual([
      'OrchestratorStarted',
      'ExecutionStarted',
      'TimerCreated(0)',
      'OrchestratorCompleted',
      'OrchestratorStarted',
      'TimerFired',
      'TimerCreated(1)',
      'OrchestratorCompleted',
      'OrchestratorStarted',
      'TimerFired',
      'TimerCreated(2)',
      'OrchestratorCompleted',
      'OrchestratorStarted',
      'TimerFired',
      'ExecutionCompleted',
      'OrchestratorCompleted',
    ]);
  } finally {
    await d.stop();
  }
});
