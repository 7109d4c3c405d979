/**
 * Cooperative fibers over the port. Every branch, loop iteration and action of a run is a fiber (a
 * generator); the scheduler runs all fibers that can make progress, then yields ONE task to the
 * runtime that completes when any pending task of any fiber does.
 *
 * Why a frontier: Logic Apps runs parallel branches and Foreach iterations concurrently, and a
 * Durable orchestrator can only wait on one task at a time. The runtime sees a single `whenAny`
 * over the frontier per turn; the port guarantees that a task already scheduled is never scheduled
 * again when it reappears in a later `whenAny` (the trap of durable-js issue #574).
 *
 * Determinism: fibers run in FIFO order of becoming runnable, which depends only on the order of
 * history events, so replays make the same decisions.
 */
import type { PortTask, WorkflowPort } from './port';

/** What a fiber waits on: any of some port tasks, or any of some other fibers. */
export type Wait =
  | { readonly kind: 'tasks'; readonly tasks: readonly PortTask[] }
  | { readonly kind: 'fibers'; readonly fibers: readonly Fiber<unknown>[] };

export type Proc<T> = Generator<Wait, T, void>;

export class Fiber<T> {
  result: { readonly value: T } | undefined;
  waiting: Wait | undefined;
  readonly joiners: Fiber<unknown>[] = [];
  constructor(readonly proc: Proc<T>) {}
  get done(): boolean {
    return this.result !== undefined;
  }
  /** The result of a finished fiber. */
  value(): T {
    if (this.result === undefined) throw new Error('fiber has not finished');
    return this.result.value;
  }
}

export class Scheduler {
  private readonly runnable: Fiber<unknown>[] = [];
  private readonly blocked = new Set<Fiber<unknown>>();
  private stopped = false;

  constructor(private readonly port: WorkflowPort) {}

  spawn<T>(proc: Proc<T>): Fiber<T> {
    const fiber = new Fiber(proc);
    this.runnable.push(fiber);
    return fiber;
  }

  /** Ends the run now (Terminate): no fiber runs again. */
  stop(): void {
    this.stopped = true;
  }

  /** Drives `root` and every fiber it spawns; yields to the runtime only when all are blocked. */
  *run<T>(root: Proc<T>): Generator<PortTask, T | undefined, unknown> {
    const main = this.spawn(root);
    for (;;) {
      this.drain();
      if (main.done || this.stopped) return main.result?.value;
      const frontier = this.frontier();
      if (frontier.length === 0) throw new Error('Flowline engine deadlock: every fiber waits on a fiber');
      yield this.port.whenAny(frontier);
      for (const fiber of [...this.blocked]) {
        if (this.ready(fiber.waiting)) this.wake(fiber);
      }
    }
  }

  private drain(): void {
    while (!this.stopped) {
      const fiber = this.runnable.shift();
      if (fiber === undefined) return;
      const step = fiber.proc.next();
      if (step.done === true) {
        fiber.result = { value: step.value };
        fiber.waiting = undefined;
        for (const joiner of fiber.joiners.splice(0)) {
          if (this.blocked.has(joiner) && this.ready(joiner.waiting)) this.wake(joiner);
        }
      } else if (this.ready(step.value)) {
        fiber.waiting = undefined;
        this.runnable.push(fiber);
      } else {
        fiber.waiting = step.value;
        this.blocked.add(fiber);
        if (step.value.kind === 'fibers') for (const f of step.value.fibers) f.joiners.push(fiber);
      }
    }
  }

  private wake(fiber: Fiber<unknown>): void {
    this.blocked.delete(fiber);
    fiber.waiting = undefined;
    this.runnable.push(fiber);
  }

  private ready(wait: Wait | undefined): boolean {
    if (wait === undefined) return true;
    if (wait.kind === 'fibers') return wait.fibers.length === 0 || wait.fibers.some((f) => f.done);
    return wait.tasks.length === 0 || wait.tasks.some((t) => this.port.outcome(t).state !== 'pending');
  }

  /** Pending tasks of every blocked fiber, each once, in a stable order. */
  private frontier(): PortTask[] {
    const seen = new Set<PortTask>();
    for (const fiber of this.blocked) {
      if (fiber.waiting?.kind !== 'tasks') continue;
      for (const task of fiber.waiting.tasks) {
        if (this.port.outcome(task).state === 'pending') seen.add(task);
      }
    }
    return [...seen];
  }
}

/** Waits until any of `tasks` has an outcome. */
export function* waitAny(tasks: readonly PortTask[]): Proc<void> {
  yield { kind: 'tasks', tasks };
}

/** Waits until every fiber finished; returns their values in order. */
export function* joinAll<T>(fibers: readonly Fiber<T>[]): Proc<T[]> {
  for (;;) {
    const pending = fibers.filter((f) => !f.done);
    if (pending.length === 0) return fibers.map((f) => f.value());
    yield { kind: 'fibers', fibers: pending };
  }
}
