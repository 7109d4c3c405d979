/** Runs async jobs with at most `limit` at a time, first in first out. */
export class WorkPool<T> {
  readonly #queue: T[] = [];
  #running = 0;
  readonly #idle: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly run: (item: T) => Promise<void>,
  ) {}

  push(item: T): void {
    this.#queue.push(item);
    this.#pump();
  }

  get busy(): number {
    return this.#running;
  }

  /** Resolves when nothing is running (queued items are not started after `stop`). */
  idle(): Promise<void> {
    if (this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  clear(): void {
    this.#queue.length = 0;
  }

  #pump(): void {
    while (this.#running < this.limit && this.#queue.length > 0) {
      const item = this.#queue.shift() as T;
      this.#running += 1;
      void this.run(item).finally(() => {
        this.#running -= 1;
        if (this.#running === 0) for (const r of this.#idle.splice(0)) r();
        this.#pump();
      });
    }
  }
}
