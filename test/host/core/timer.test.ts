import { afterEach, expect, test } from 'vitest';
import { ManualClock } from '../../../src/host/manualClock';
import { HostStartError } from '../../../src/host/startHost';
import { startFixture } from './helpers';

interface Call {
  name: string;
  timer: {
    schedule: unknown;
    scheduleStatus: { last: string; next: string; lastUpdated: string };
    isPastDue: boolean;
  };
  greeting?: string;
}

function calls(): Call[] {
  return (globalThis as { flowlineTimerCalls?: Call[] }).flowlineTimerCalls ?? [];
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
}

afterEach(() => {
  delete process.env['CLEANUP_SCHEDULE'];
});

test('runOnStartup fires at start with the camel-cased timer value and the app settings loaded', async () => {
  const clock = new ManualClock(new Date('2024-05-01T10:02:30Z'));
  const { host } = await startFixture('timer', { clock });
  try {
    await until(() => calls().length > 0);
    expect(calls()).toEqual([
      {
        name: 'Startup',
        greeting: 'from local.settings',
        timer: {
          schedule: { adjustForDST: true },
          scheduleStatus: {
            last: '0001-01-01T00:00:00',
            next: '2024-05-02T03:00:00.000Z',
            lastUpdated: '2024-05-01T10:02:30.000Z',
          },
          isPastDue: false,
        },
      },
    ]);
  } finally {
    await host.stop();
  }
});

test('a %Setting% schedule fires at each occurrence as the clock advances, one timer pending per function', async () => {
  const clock = new ManualClock(new Date('2024-05-01T10:02:30Z'));
  const { host } = await startFixture('timer', { clock });
  try {
    await until(() => calls().length === 1);
    await until(() => clock.pending.length === 2);
    expect(clock.pending.map((d) => d.toISOString())).toEqual([
      '2024-05-01T10:05:00.000Z',
      '2024-05-02T03:00:00.000Z',
    ]);
    clock.advance(150_000);
    await until(() => calls().length === 2);
    await until(() => clock.pending.length === 2);
    clock.advance(300_000);
    await until(() => calls().length === 3);
    const cleanup = calls().filter((c) => c.name === 'Cleanup');
    expect(cleanup.map((c) => c.timer.scheduleStatus)).toEqual([
      {
        last: '0001-01-01T00:00:00',
        next: '2024-05-01T10:10:00.000Z',
        lastUpdated: '2024-05-01T10:05:00.000Z',
      },
      {
        last: '2024-05-01T10:05:00.000Z',
        next: '2024-05-01T10:15:00.000Z',
        lastUpdated: '2024-05-01T10:10:00.000Z',
      },
    ]);
    expect(cleanup.every((c) => !c.timer.isPastDue)).toBe(true);
  } finally {
    await host.stop();
  }
  expect(clock.pending).toEqual([]);
});

test('POST /admin/functions/{name} runs a timer function by hand and answers 202', async () => {
  const clock = new ManualClock(new Date('2024-05-01T10:02:30Z'));
  const { host } = await startFixture('timer', { clock });
  try {
    await until(() => calls().length === 1);
    const response = await fetch(`${host.origin}/admin/functions/Cleanup`, {
      method: 'POST',
      body: '{"input":""}',
    });
    expect(response.status).toBe(202);
    await until(() => calls().length === 2);
    expect(calls()[1]?.name).toBe('Cleanup');
  } finally {
    await host.stop();
  }
});

test('an invalid schedule fails the start naming the function (the environment wins over local.settings)', async () => {
  process.env['CLEANUP_SCHEDULE'] = '*/5 * * *';
  const start = startFixture('timer');
  await expect(start).rejects.toThrow(HostStartError);
  await expect(start).rejects.toThrow(/Function 'Cleanup': Timer schedule '\*\/5 \* \* \*' has 4 field\(s\)/);
});
