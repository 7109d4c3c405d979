/**
 * A {@link Clock} that only moves when told to, for tests that skip time: `advance` fires every timer
 * that falls due, in due order, with `now()` equal to each timer's due time while it runs.
 */
import type { Clock, TimerHandle } from './clock';

interface Pending {
  readonly at: number;
  readonly seq: number;
  readonly callback: () => void;
}

export class ManualClock implements Clock {
  #now: number;
  #seq = 0;
  #pending: Pending[] = [];

  constructor(start: Date) {
    this.#now = start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  setTimer(at: Date, callback: () => void): TimerHandle {
    const entry: Pending = { at: at.getTime(), seq: this.#seq++, callback };
    this.#pending.push(entry);
    return { cancel: () => (this.#pending = this.#pending.filter((p) => p !== entry)) };
  }

  /** Due times of the timers still pending, earliest first. */
  get pending(): Date[] {
    return this.#sorted().map((p) => new Date(p.at));
  }

  /** Moves time forward by `ms`, firing due timers (including ones they set that fall due too). */
  advance(ms: number): void {
    this.advanceTo(new Date(this.#now + ms));
  }

  advanceTo(target: Date): void {
    const end = target.getTime();
    for (;;) {
      const next = this.#sorted()[0];
      if (!next || next.at > end) break;
      this.#pending = this.#pending.filter((p) => p !== next);
      this.#now = Math.max(this.#now, next.at);
      next.callback();
    }
    this.#now = Math.max(this.#now, end);
  }

  #sorted(): Pending[] {
    return [...this.#pending].sort((a, b) => a.at - b.at || a.seq - b.seq);
  }
}
