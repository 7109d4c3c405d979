import { expect, test } from 'vitest';
import { ManualClock } from '../../../src/host/manualClock';
import { retryPolicy } from '../../../src/host/timer/retry';
import { startFixture } from './helpers';

interface Attempt {
  name: string;
  retryContext?: { retryCount: number; maxRetryCount: number; exception?: { message?: string } };
  retryCount?: number;
}

const attempts = (): Attempt[] =>
  (globalThis as { flowlineRetryAttempts?: Attempt[] }).flowlineRetryAttempts ?? [];

async function settle(clock: ManualClock, count: number): Promise<void> {
  for (let i = 0; i < 400 && attempts().length < count; i += 1) {
    await new Promise((r) => setTimeout(r, 5));
    clock.advance(1000);
  }
}

test('a failing timer function is retried under its retry policy with the retry context', async () => {
  const clock = new ManualClock(new Date('2024-05-01T10:00:00Z'));
  const { host } = await startFixture('timer-retry', { clock });
  try {
    await settle(clock, 7);
    const flaky = attempts().filter((a) => a.name === 'Flaky');
    expect(flaky.map((a) => [a.retryContext?.retryCount, a.retryContext?.maxRetryCount])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(flaky[1]?.retryContext?.exception?.message).toBe('attempt 1 failed');
    expect(
      attempts()
        .filter((a) => a.name === 'Recovers')
        .map((a) => a.retryCount),
    ).toEqual([0, 1, 2, 3]);
    // After the retries the next occurrence is scheduled again.
    for (let i = 0; i < 200 && clock.pending.length < 2; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(clock.pending.map((d) => d.toISOString())).toEqual([
      '2025-01-01T00:00:00.000Z',
      '2025-01-01T00:00:00.000Z',
    ]);
  } finally {
    await host.stop();
  }
});

test.each([
  [{ retryStrategy: 'fixedDelay', maxRetryCount: 3, delayInterval: { seconds: 5 } }, [5000, 5000, 5000]],
  [
    {
      retryStrategy: 'exponentialBackoff',
      maxRetryCount: 4,
      minimumInterval: { seconds: 1 },
      maximumInterval: { seconds: 5 },
    },
    [1000, 2000, 4000, 5000],
  ],
])('retry delays for %j are %j', (options, delays) => {
  const policy = retryPolicy(options);
  expect(delays.map((_d, i) => policy?.delayMs(i + 1))).toEqual(delays);
});

test('no policy, or maxRetryCount 0, means no retries', () => {
  expect(retryPolicy(undefined)).toBeUndefined();
  expect(retryPolicy({ retryStrategy: 'fixedDelay', maxRetryCount: 0 })).toBeUndefined();
});
