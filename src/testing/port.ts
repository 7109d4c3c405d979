/**
 * The test harness's port: the engine runs in process with virtual time. Activities are answered by
 * mocks (or, by choice, by the real connector); timers, retry waits and Wait actions fire as soon as
 * nothing else can happen, with `utcNow()` advancing as if the time had passed. Time only skips while
 * no real call is in flight, so a real backend is never raced by a skipped timer.
 */
import { deterministicGuid } from '../engine/guid';
import type { ActivityCallInfo, PortTask, TaskOutcome, WorkflowPort } from '../engine/port';
import type { JsonValue } from '../expressions/values';

type Settle = (outcome: TaskOutcome) => void;

export class HarnessTask implements PortTask {
  readonly __portTask = true as const;
  outcome: TaskOutcome = { state: 'pending' };
  started = false;
  /** Virtual time at which the outcome lands (timers, delayed mocks, raised events). */
  due: { at: number; outcome: TaskOutcome } | undefined;
  /** A real or asynchronous answer still in flight. */
  inFlight: Promise<void> | undefined;
  constructor(
    readonly kind: string,
    readonly begin: (task: HarnessTask, settle: Settle) => void = () => undefined,
    readonly children: readonly HarnessTask[] = [],
  ) {}
}

export interface CallRecord extends ActivityCallInfo {
  readonly activity: string;
  readonly input: JsonValue;
  readonly at: number;
}

/** The activity's answer and how much virtual time the call takes. */
export type AnswerActivity = (
  activity: string,
  input: JsonValue,
  call: ActivityCallInfo | undefined,
) => Promise<{ readonly value: JsonValue; readonly delayMs: number }>;

export class HarnessPort implements WorkflowPort {
  readonly isReplaying = false;
  readonly calls: CallRecord[] = [];
  readonly statuses: JsonValue[] = [];
  private guids = 0;
  private readonly tasks: HarnessTask[] = [];
  private readonly waiting: { name: string; task: HarnessTask }[] = [];

  constructor(
    readonly runId: string,
    public clock: number,
    private readonly answer: AnswerActivity,
    private readonly events: { name: string; payload: JsonValue; at: number }[],
    private readonly child: (
      input: JsonValue,
      runId: string,
      start: number,
    ) => Promise<{ value: JsonValue; end: number }>,
    private readonly settings: Readonly<Record<string, string>>,
  ) {}

  now = (): number => this.clock;
  newGuid = (): string => deterministicGuid(this.runId, this.guids++);
  setStatus = (status: JsonValue): void => void this.statuses.push(status);
  /** A setting the test did not give reads as `appsetting:NAME`, so mocked actions still run. */
  appSetting = (name: string): string | undefined => this.settings[name] ?? `appsetting:${name}`;
  outcome = (task: PortTask): TaskOutcome => {
    const { outcome, children } = task as HarnessTask;
    return children.find((c) => c.outcome.state !== 'pending')?.outcome ?? outcome;
  };

  callActivity = (activity: string, input: JsonValue, call?: ActivityCallInfo): PortTask =>
    this.add('activity', (task) => {
      this.calls.push({
        activity,
        input,
        at: this.clock,
        ...(call ?? { action: '', type: '', path: '', attempt: 1 }),
      });
      this.await(task, this.answer(activity, input, call));
    });

  createTimer = (fireAt: number): PortTask =>
    this.add('timer', (task) => {
      task.due = { at: fireAt, outcome: { state: 'completed', value: null } };
    });

  cancelTimer = (task: PortTask): void => {
    const t = task as HarnessTask;
    if (t.outcome.state === 'pending') t.outcome = { state: 'failed', message: 'cancelled' };
    t.due = undefined;
  };

  waitForEvent = (name: string): PortTask => {
    const task = this.add('event');
    const index = this.events.findIndex((e) => e.name.toLowerCase() === name.toLowerCase());
    const event = index < 0 ? undefined : this.events.splice(index, 1)[0];
    if (event)
      task.due = {
        at: Math.max(event.at, this.clock),
        outcome: { state: 'completed', value: event.payload },
      };
    else this.waiting.push({ name, task });
    return task;
  };

  callSubWorkflow = (input: JsonValue, childRunId: string): PortTask =>
    this.add('workflow', (task) => {
      const done = this.child(input, childRunId, this.clock).then(({ value, end }) => {
        task.due = { at: Math.max(end, this.clock), outcome: { state: 'completed', value } };
      });
      task.inFlight = done.finally(() => (task.inFlight = undefined));
    });

  whenAny = (tasks: readonly PortTask[]): PortTask => {
    const children = tasks as readonly HarnessTask[];
    for (const child of children.filter((c) => !c.started)) {
      child.started = true;
      child.begin(child, (outcome) => (child.outcome = outcome));
    }
    return new HarnessTask('any', undefined, children);
  };

  /** Waits (really, for real calls; virtually, for the rest) until `awaited` has an outcome. */
  async settle(awaited: PortTask): Promise<void> {
    while (this.outcome(awaited).state === 'pending') {
      const flying = this.tasks.map((t) => t.inFlight).filter((p): p is Promise<void> => p !== undefined);
      if (flying.length > 0) {
        await Promise.race(flying);
        continue;
      }
      const due = this.tasks.filter((t) => t.outcome.state === 'pending' && t.due !== undefined);
      if (due.length === 0) throw new Error(this.stuck());
      this.clock = Math.max(this.clock, Math.min(...due.map((t) => t.due?.at ?? Infinity)));
      for (const task of due)
        if (task.due !== undefined && task.due.at <= this.clock) task.outcome = task.due.outcome;
    }
  }

  private await(task: HarnessTask, answer: Promise<{ value: JsonValue; delayMs: number }>): void {
    task.inFlight = answer
      .then(
        ({ value, delayMs }) => {
          task.due = { at: this.clock + delayMs, outcome: { state: 'completed', value } };
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          task.due = { at: this.clock, outcome: { state: 'failed', message } };
        },
      )
      .finally(() => (task.inFlight = undefined));
  }

  private stuck(): string {
    const names = this.waiting.filter((w) => w.task.outcome.state === 'pending').map((w) => `'${w.name}'`);
    return names.length > 0
      ? `The run waits for event ${names.join(', ')}, which the test never raises. Pass it in \`events\`.`
      : 'The run is waiting and nothing can complete.';
  }

  private add(kind: string, begin?: (task: HarnessTask, settle: Settle) => void): HarnessTask {
    const task = new HarnessTask(kind, begin);
    this.tasks.push(task);
    return task;
  }
}
