/**
 * Writes to the durable store while it may be unavailable for a while (locked by another process,
 * disk full). The first write that fails marks the store down and logs why, once; later writes queue
 * behind it instead of each blocking the event loop on the lock. One queued write at a time probes
 * the store after a growing pause (100 ms to 2 s); when one succeeds the store is up again, the queue
 * drains and the recovery is logged. Nothing is lost meanwhile: a failed transaction is rolled back
 * and the work that produced it waits in memory, and what is already committed stays on disk.
 * `close()` (the host is stopping) ends the waiting; `shut()` (the store is closing) ends the writing.
 */
import { storeUnavailable, StoreUnavailableError, type Unavailable } from './store/unavailable';

const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 2000;

export type GateLog = (level: 'information' | 'error', message: string) => void;

export class StoreGate {
  readonly #log: GateLog;
  readonly #queue: ((open: boolean) => void)[] = [];
  #down: { readonly since: number; why: Unavailable; pause: number; nextTry: number } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #shut = false;

  constructor(log: GateLog) {
    this.#log = log;
  }

  /** Why the store is unavailable right now, or undefined when it is not known to be. */
  get unavailable(): Unavailable | undefined {
    return this.#down?.why;
  }

  /**
   * Runs `op` (a synchronous store write) until it succeeds. Resolves true once it has, false when
   * the gate was closed first (the host is stopping; the write never happened).
   */
  async write(op: () => void): Promise<boolean> {
    for (;;) {
      if (this.#shut) return false;
      // Once closed, a write still lands if the store takes it at once, but never queues.
      if (this.#down && (this.#closed || !(await this.#waitTurn()))) return false;
      try {
        op();
        this.#recovered();
        return true;
      } catch (error) {
        const why = storeUnavailable(error);
        if (!why) throw error;
        this.#failed(why);
      }
    }
  }

  /** For callers that cannot wait (the HTTP API): runs `op` now or throws StoreUnavailableError. */
  now<T>(op: () => T): T {
    if (this.#down && Date.now() < this.#down.nextTry) throw new StoreUnavailableError(this.#down.why);
    try {
      return op();
    } catch (error) {
      const why = storeUnavailable(error);
      if (!why) throw error;
      this.#failed(why);
      throw new StoreUnavailableError(why);
    }
  }

  /** Shuts for good: every later write resolves false without touching the store (it is closing). */
  shut(): void {
    this.#shut = true;
    this.close();
  }

  /** Stops retrying: queued writes resolve false; a write that the store takes at once still lands. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const wake of this.#queue.splice(0)) wake(false);
  }

  #waitTurn(): Promise<boolean> {
    const turn = new Promise<boolean>((wake) => this.#queue.push(wake));
    this.#schedule();
    return turn;
  }

  #failed(why: Unavailable): void {
    const now = Date.now();
    if (!this.#down) {
      this.#down = { since: now, why, pause: FIRST_PAUSE_MS, nextTry: now + FIRST_PAUSE_MS };
      this.#log(
        'error',
        `The durable store is unavailable: ${why.reason} (${why.code}). Orchestrations, activities and timers wait and retry; nothing committed is lost.`,
      );
    } else {
      this.#down.why = why;
      this.#down.pause = Math.min(this.#down.pause * 2, LONGEST_PAUSE_MS);
      this.#down.nextTry = now + this.#down.pause;
    }
  }

  /** When the pause is over, wake one queued write to try the store again (it queues again if it fails). */
  #schedule(): void {
    if (this.#timer !== undefined || this.#closed || !this.#down) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#queue.shift()?.(true);
      },
      Math.max(0, this.#down.nextTry - Date.now()),
    );
  }

  #recovered(): void {
    if (!this.#down) return;
    const { since, why } = this.#down;
    this.#down = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const waiting = this.#queue.splice(0);
    this.#log(
      'information',
      `The durable store is available again after ${Date.now() - since} ms (${why.code}); resuming ${waiting.length} waiting write(s).`,
    );
    for (const wake of waiting) wake(true);
  }
}
