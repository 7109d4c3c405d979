/** Scheduled triggers end to end (Recurrence, Http polling): timer functions driven by the host's test clock. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/host/manualClock';
import {
  type Backend,
  type BackendReply,
  eventually,
  type Flowline,
  startBackend,
  startFlowline,
} from '../workflows/helpers';

describe('scheduled triggers', () => {
  let backend: Backend;
  let flowline: Flowline;
  const clock = new ManualClock(new Date('2026-03-02T10:02:30Z'));
  const polls: BackendReply[] = [
    { status: 200, body: { orders: [{ id: 'a' }, { id: 'b' }] } },
    { status: 202 },
    { status: 500, body: 'storage down' },
  ];
  /**
   * Moves the clock to `iso` a minute at a time. After each step it waits until the every-minute poll
   * has re-armed for the next minute: the host arms a timer's next tick when its invocation ends, so
   * stepping again earlier would skip a tick. (On a 5-minute mark the heartbeat's tick is armed there too.)
   */
  const advanceTo = async (iso: string): Promise<void> => {
    const target = new Date(iso).getTime();
    while (clock.now().getTime() < target) {
      const step = Math.min(target, clock.now().getTime() + 60_000);
      clock.advanceTo(new Date(step));
      const nextMinute = Math.floor(step / 60_000) * 60_000 + 60_000;
      const armed = nextMinute % 300_000 === 0 ? 2 : 1;
      await eventually(() =>
        clock.pending.filter((at) => at.getTime() === nextMinute).length >= armed ? true : undefined,
      );
    }
  };
  const paths = (path: string): unknown[] => backend.callsTo('POST', path).map((call) => call.body);

  beforeAll(async () => {
    backend = await startBackend((call) =>
      call.path === '/orders' ? (polls.shift() ?? { status: 202 }) : { status: 200 },
    );
    flowline = await startFlowline(
      { FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../fixtures/recurrence'), HEARTBEAT_URL: backend.url },
      clock,
    );
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  it('registers one timer function per scheduled trigger', () => {
    const names = [...flowline.host.runtime.functions.keys()];
    expect(names).toContain('recurrence-heartbeat-Every_5_minutes');
    expect(names).toContain('poll-poll-orders-New_orders');
  });

  it('polls on schedule and starts one run per item of a 200, none for a 202 or a failure', async () => {
    await advanceTo('2026-03-02T10:03:00Z');
    await eventually(() => (paths('/process').length === 2 ? true : undefined));
    expect(paths('/process')).toEqual([{ id: 'a' }, { id: 'b' }]);
    const first = 'poll-orders:New_orders:2026-03-02T10:03:00.000Z';
    expect((await flowline.waitForRun('poll-orders', first)).status).toBe('Succeeded');
    expect((await flowline.waitForRun('poll-orders', `${first}:1`)).status).toBe('Succeeded');

    await advanceTo('2026-03-02T10:05:00Z');
    expect(backend.callsTo('GET', '/orders')).toHaveLength(3);
    expect(paths('/process')).toHaveLength(2);
  });

  it('starts a Recurrence run per occurrence, named after it, and none between occurrences', async () => {
    const runId = 'heartbeat:Every_5_minutes:2026-03-02T10:05:00.000Z';
    await eventually(() => paths('/ping')[0]);
    expect(paths('/ping')).toEqual([{ scheduledTime: '2026-03-02T10:05:00.000Z', run: runId }]);
    expect((await flowline.waitForRun('heartbeat', runId)).status).toBe('Succeeded');

    await advanceTo('2026-03-02T10:09:59Z');
    expect(paths('/ping')).toHaveLength(1);

    await advanceTo('2026-03-02T10:10:00Z');
    await eventually(() => paths('/ping')[1]);
    expect(paths('/ping')[1]).toEqual({
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
