/**
 * Steps of the disk-full test shared by its two variants (tmpfs and page limit): start order runs,
 * start until the store refuses one, check the host while full, and check every run afterwards.
 */
import { expect } from 'vitest';
import { awaitAll } from './caller';
import { healthy, type HostProcess, sleep } from './hostProcess';
import { expectedOutputs } from './orderWorkflow';
import { type Accepted, readRun, startRun } from './runs';

export const FULL_MESSAGE =
  'The durable store is unavailable: the disk holding the store is full (or the store reached its size limit) (SQLITE_FULL)';

export function startRuns(host: HostProcess, first: number, count: number): Promise<Accepted[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => startRun(host.origin, 'order', { order: first + i })),
  );
}

/** Runs `count` orders from `first` to the end; all must succeed. */
export async function completeRuns(host: HostProcess, first: number, count: number): Promise<Accepted[]> {
  const runs = await startRuns(host, first, count);
  const views = await awaitAll(
    runs.map((r) => r.location),
    30_000,
  );
  runs.forEach((r, i) => expect(views.get(r.location)?.outputs).toEqual(expectedOutputs(first + i)));
  return runs;
}

/** Starts runs until the host refuses one (the store is full); answers the accepted ones. */
export async function startUntilRefused(
  host: HostProcess,
  first: number,
  limit: number,
): Promise<{ accepted: Accepted[]; refusedAfter: number }> {
  const accepted: Accepted[] = [];
  for (let i = 0; i < limit; i++) {
    try {
      accepted.push(await startRun(host.origin, 'order', { order: first + i }));
    } catch (error) {
      expect(String(error)).toContain('got 503');
      return { accepted, refusedAfter: i };
    }
  }
  throw new Error(`the store never filled up after ${limit} runs`);
}

/** The full-disk phase both variants share: in-flight runs pause, new runs are refused, the host answers. */
export async function whileFull(
  host: HostProcess,
  first: number,
  inFlight: readonly Accepted[],
): Promise<{ accepted: Accepted[]; healthMs: number; waiting: number }> {
  const { accepted } = await startUntilRefused(host, first, 300);
  for (let i = 0; i < 100 && !host.output().includes(FULL_MESSAGE); i++) await sleep(100);
  expect(host.output()).toContain(FULL_MESSAGE);
  const t = Date.now();
  expect(await healthy(host.origin, 1000)).toBe(true);
  const healthMs = Date.now() - t;
  const views = await Promise.all(inFlight.map((r) => readRun(r.location)));
  const waiting = views.filter((v) => v?.status === 'Running').length;
  expect(waiting, 'runs started before the disk filled and still waiting').toBeGreaterThan(0);
  return { accepted, healthMs, waiting };
}

/**
 * After the space returns, a caller that retries is accepted again: the store is probed at the next
 * write after the gate's pause (at most 2 s). Answers how long it took; the run must succeed.
 */
export async function acceptedAgainWithin(host: HostProcess, timeoutMs: number): Promise<number> {
  const t = Date.now();
  for (;;) {
    try {
      const run = await startRun(host.origin, 'order', { order: 1000 });
      await expectAllSucceeded([run], 1000);
      return Date.now() - t;
    } catch (error) {
      if (Date.now() - t > timeoutMs) throw error;
      await sleep(200);
    }
  }
}

export async function expectAllSucceeded(runs: readonly Accepted[], firstOrder: number): Promise<void> {
  const views = await awaitAll(
    runs.map((r) => r.location),
    60_000,
  );
  runs.forEach((r, i) => {
    expect(views.get(r.location)?.status, r.runId).toBe('Succeeded');
    expect(views.get(r.location)?.outputs).toEqual(expectedOutputs(firstOrder + i));
  });
}
