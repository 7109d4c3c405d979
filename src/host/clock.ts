/**
 * Time as the host sees it. Timer triggers, the Durable emulation and a time-skipping test harness
 * share this seam: production uses {@link systemClock}; a test clock can move time forward and fire
 * due timers itself.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): Date;
  /** Calls `callback` once at (or as soon as possible after) `at`; a past `at` fires on the next tick. */
  setTimer(at: Date, callback: () => void): TimerHandle;
}

/** Longest delay `setTimeout` accepts; longer waits are chained. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(at, callback) {
    let handle: NodeJS.Timeout | undefined;
    let cancelled = false;
    // setTimeout may fire a millisecond before `at` as Date.now() sees it, and caps its delay:
    // whenever it fires, check the time again and wait for the rest.
    const fire = (): void => {
      if (cancelled) return;
      const delay = at.getTime() - Date.now();
      if (delay <= 0) callback();
      else wait(delay);
    };
    const wait = (delay: number): void => {
      handle = setTimeout(fire, Math.min(delay, MAX_DELAY_MS));
      // The host's HTTP server keeps the process alive; a pending timer alone must not.
      handle.unref();
    };
    wait(Math.max(0, at.getTime() - Date.now()));
    return {
      cancel() {
        cancelled = true;
        if (handle) clearTimeout(handle);
      },
    };
  },
};
