/** The system clock's timers fire at their time, never before it by Date.now(), and can be cancelled. */
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/host/clock';

describe('systemClock.setTimer', () => {
  it('never calls back before the time it was given', async () => {
    const early: number[] = [];
    await Promise.all(
      Array.from({ length: 200 }, (_v, i) => {
        const at = new Date(Date.now() + 1 + (i % 25));
        return new Promise<void>((done) =>
          systemClock.setTimer(at, () => {
            const now = Date.now();
            if (now < at.getTime()) early.push(at.getTime() - now);
            done();
          }),
        );
      }),
    );
    expect(early).toEqual([]);
  });

  it('calls back for a time already past, but not synchronously', async () => {
    let called = false;
    const fired = new Promise<void>((done) =>
      systemClock.setTimer(new Date(Date.now() - 1000), () => {
        called = true;
        done();
      }),
    );
    expect(called).toBe(false);
    await fired;
    expect(called).toBe(true);
  });

  it('does not call back once cancelled', async () => {
    let called = false;
    systemClock.setTimer(new Date(Date.now() + 5), () => (called = true)).cancel();
    await new Promise((r) => setTimeout(r, 30));
    expect(called).toBe(false);
  });
});
