import { expect, test } from 'vitest';
import { ManualClock } from '../../../src/host/manualClock';
import { formatTimeSpan, functionTimeoutMs, parseTimeSpan } from '../../../src/host/timeSpan';
import { startFixture } from './helpers';

const state = (): { started: number; finished: number } =>
  (globalThis as { flowlineTimeoutState?: { started: number; finished: number } }).flowlineTimeoutState ?? {
    started: 0,
    finished: 0,
  };

test('an invocation that outlives host.json functionTimeout fails with the host timeout message; stop still waits for it', async () => {
  const clock = new ManualClock(new Date('2024-01-01T00:00:00Z'));
  const { host, logs } = await startFixture('timeout', { clock });
  const pending = fetch(`${host.origin}/api/Slow`);
  while (state().started === 0) await new Promise((r) => setTimeout(r, 5));
  clock.advance(30_000);
  const response = await pending;
  expect(response.status).toBe(500);
  expect(logs.map((l) => l.message)).toContain(
    "Timeout value of 00:00:30 exceeded by function 'Functions.Slow'.",
  );
  expect(state().finished).toBe(0);
  expect(await (await fetch(`${host.origin}/api/Quick`)).text()).toBe('quick');
  await host.stop();
  expect(state().finished).toBe(1);
});

test('the host answers its landing page at /', async () => {
  const { host } = await startFixture('timeout');
  try {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Your Functions 4.0 app is up and running');
  } finally {
    await host.stop();
  }
});

test.each([
  ['00:05:00', 300_000],
  ['1.02:03:04', 93_784_000],
  ['00:00:01.5', 1500],
  ['10:30', 37_800_000],
  ['five minutes', undefined],
])('TimeSpan %s is %s ms', (text, ms) => {
  expect(parseTimeSpan(text)).toBe(ms);
});

test('functionTimeout: absent or -1 means no limit, a bad value is named', () => {
  expect(functionTimeoutMs({})).toBeUndefined();
  expect(functionTimeoutMs({ functionTimeout: '-1' })).toBeUndefined();
  expect(functionTimeoutMs({ functionTimeout: '00:10:00' })).toBe(600_000);
  expect(() => functionTimeoutMs({ functionTimeout: '10 minutes' })).toThrow(
    /"functionTimeout" must be a TimeSpan/,
  );
  expect(formatTimeSpan(93_784_000)).toBe('1.02:03:04');
});
