/**
 * Runs `timerTrigger` functions on their NCRONTAB schedules using the shared {@link Clock}. One
 * occurrence at a time per function (like the host's singleton lock): the next occurrence is computed
 * after the current invocation ends, and an occurrence that is already late is flagged `isPastDue`.
 * `runOnStartup` fires once when the host starts. `useMonitor` has no effect locally (nothing persists).
 */
import type { Clock, TimerHandle } from '../clock';
import type {
  FunctionsRuntime,
  InvocationRequest,
  InvocationResult,
  LoadedFunction,
  RpcTypedData,
} from '../extension';
import { HostStartError } from '../load/appFiles';
import type { HostLogger } from '../log';
import { nextOccurrence, parseSchedule, type Schedule } from './ncrontab';
import { retryPolicy } from './retry';
import { scheduleTimeZone } from './timeZone';
import { NEVER, resolveAppSettings, timerTriggerValue } from './timerValue';

interface TimerFunction {
  readonly fn: LoadedFunction;
  readonly schedule: Schedule;
  readonly runOnStartup: boolean;
  last: string;
  handle?: TimerHandle;
}

/** How late an occurrence may start before it counts as past due. */
const PAST_DUE_MS = 1000;

export class TimerScheduler {
  readonly #timers = new Map<string, TimerFunction>();
  #running = false;
  #zone = 'UTC';
  /** Retry delays in progress: the waiter to wake and its clock timer. */
  readonly #retryWaits = new Map<() => void, TimerHandle>();

  constructor(
    private readonly runtime: FunctionsRuntime,
    private readonly clock: Clock,
    private readonly log: HostLogger,
  ) {}

  /** Parses every schedule; a bad one fails the start with the function named. */
  prepare(functions: Iterable<LoadedFunction>): void {
    try {
      this.#zone = scheduleTimeZone();
    } catch (error) {
      throw new HostStartError((error as Error).message, { cause: error });
    }
    for (const fn of functions) {
      if (fn.triggerType.toLowerCase() !== 'timertrigger') continue;
      const binding: Readonly<Record<string, unknown>> = fn.bindings[fn.triggerBindingName] ?? {};
      const raw = binding['schedule'];
      if (typeof raw !== 'string')
        throw new HostStartError(`Function '${fn.name}': the timer trigger has no "schedule".`);
      let schedule: Schedule;
      try {
        schedule = parseSchedule(resolveAppSettings(raw));
      } catch (error) {
        throw new HostStartError(`Function '${fn.name}': ${(error as Error).message}`);
      }
      this.#timers.set(fn.name, {
        fn,
        schedule,
        runOnStartup: binding['runOnStartup'] === true,
        last: NEVER,
      });
    }
  }

  start(): void {
    this.#running = true;
    for (const timer of this.#timers.values()) {
      if (timer.runOnStartup) void this.#fire(timer, this.clock.now(), false);
      else this.#arm(timer, this.clock.now());
    }
  }

  stop(): void {
    this.#running = false;
    for (const timer of this.#timers.values()) timer.handle?.cancel();
    for (const [wake, handle] of this.#retryWaits) {
      handle.cancel();
      wake();
    }
    this.#retryWaits.clear();
  }

  /** `POST /admin/functions/{name}`: timers get a fresh timer value, other triggers the input string. */
  runManually(fn: LoadedFunction, input: string | undefined): void {
    const timer = this.#timers.get(fn.name);
    const data: RpcTypedData = timer ? this.#value(timer, this.clock.now(), false) : { string: input ?? '' };
    void this.runtime.invoke(fn.name, { inputData: [{ name: fn.triggerBindingName, data }] });
  }

  #arm(timer: TimerFunction, after: Date): void {
    if (!this.#running) return;
    const at = nextOccurrence(timer.schedule, after, this.#zone);
    if (!at) {
      this.log(
        'warning',
        'Host',
        `Function '${timer.fn.name}': schedule '${timer.schedule.text}' has no future occurrence.`,
      );
      return;
    }
    timer.handle = this.clock.setTimer(at, () => {
      const late = this.clock.now().getTime() - at.getTime() > PAST_DUE_MS;
      void this.#fire(timer, at, late);
    });
  }

  async #fire(timer: TimerFunction, scheduledAt: Date, isPastDue: boolean): Promise<void> {
    const policy = retryPolicy(timer.fn.retryOptions);
    let previous: InvocationResult | undefined;
    for (let retryCount = 0; this.#running; retryCount += 1) {
      if (retryCount > 0) await this.#sleep(policy?.delayMs(retryCount) ?? 0);
      if (!this.#running) return;
      previous = await this.runtime.invoke(timer.fn.name, {
        inputData: [{ name: timer.fn.triggerBindingName, data: this.#value(timer, scheduledAt, isPastDue) }],
        ...(policy ? { retryContext: retryContext(retryCount, policy.maxRetryCount, previous) } : {}),
      });
      if (previous.ok) break;
      this.log('error', 'Host', `Timer function '${timer.fn.name}' failed: ${previous.message}`);
      if (!policy || (policy.maxRetryCount >= 0 && retryCount >= policy.maxRetryCount)) break;
    }
    timer.last = scheduledAt.toISOString();
    const now = this.clock.now();
    this.#arm(timer, now.getTime() > scheduledAt.getTime() ? now : scheduledAt);
  }

  /** Waits on the shared clock, so a test clock controls retry delays too. */
  #sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const at = new Date(this.clock.now().getTime() + ms);
      const handle = this.clock.setTimer(at, () => {
        this.#retryWaits.delete(done);
        done();
      });
      this.#retryWaits.set(done, handle);
    });
  }

  #value(timer: TimerFunction, at: Date, isPastDue: boolean): RpcTypedData {
    const next = nextOccurrence(timer.schedule, at, this.#zone);
    return timerTriggerValue(
      {
        last: timer.last,
        next: next ? next.toISOString() : NEVER,
        lastUpdated: this.clock.now().toISOString(),
      },
      isPastDue,
    );
  }
}

function retryContext(
  retryCount: number,
  maxRetryCount: number,
  previous: InvocationResult | undefined,
): NonNullable<InvocationRequest['retryContext']> {
  const exception =
    previous && !previous.ok
      ? { message: previous.message, ...(previous.stack ? { stackTrace: previous.stack } : {}) }
      : undefined;
  return { retryCount, maxRetryCount, ...(exception ? { exception } : {}) };
}
