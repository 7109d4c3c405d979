/**
 * An in-memory WorkflowPort with virtual time, and a driver that runs `interpret()` to its end.
 * A task starts when it first reaches `whenAny` (as in Durable, only yielded tasks run) and
 * completes when the virtual clock reaches its due time. The clock jumps straight to the earliest
 * due task, and every task due at that instant completes in the same turn, so a run that waits a
 * day finishes in microseconds. The port also writes a Durable-style history for `deriveRun`.
 */
import { deterministicGuid } from '../../src/engine/guid';
import type { HistoryEventView } from '../../src/engine/history/replay-port';
import { interpret } from '../../src/engine/interpret';
import type { PortTask, TaskOutcome, WorkflowPort } from '../../src/engine/port';
import type { RunState } from '../../src/engine/run-state';
import type { ActionRecord, RunInput, RunResult } from '../../src/engine/run-types';
import type { JsonObject, JsonValue } from '../../src/expressions/values';

export const START = Date.parse('2024-01-01T00:00:00.000Z');

/** A scripted answer: the activity's return value, or a thrown error, after `afterMs` of virtual time. */
export type Reply =
  | { readonly value: JsonValue; readonly afterMs?: number }
  | { readonly throws: string; readonly afterMs?: number };
export type ActivityHandler = (input: JsonValue, call: ActivityCall, port: MemoryPort) => Reply;

export interface ActivityCall {
  readonly name: string;
  readonly input: JsonValue;
  /** Virtual time (epoch ms) and turn (count of whenAny calls) of the start, then of the end. */
  readonly at: number;
  readonly turn: number;
  endAt?: number;
  endTurn?: number;
}

export interface TimerRecord {
  readonly createdAt: number;
  readonly fireAt: number;
  state: 'pending' | 'fired' | 'cancelled';
}

export interface RunOptions {
  readonly runId?: string;
  readonly start?: number;
  /** Answers every activity; by default a 200 response. */
  readonly activity?: ActivityHandler;
  /** Raised into the run: queued until a task waits for that name, delivered at `at` at the earliest. */
  readonly events?: readonly { readonly name: string; readonly payload: JsonValue; readonly at?: number }[];
  /** A scripted child run; by default the child runs through this driver with the same handler. */
  readonly subWorkflow?: (input: RunInput, childRunId: string) => RunResult;
  readonly appSettings?: Readonly<Record<string, string>>;
}

interface Due {
  readonly at: number;
  readonly outcome: TaskOutcome;
  readonly event: HistoryEventView;
}

class MemoryTask implements PortTask {
  readonly __portTask = true as const;
  outcome: TaskOutcome = { state: 'pending' };
  started = false;
  due: Due | undefined;
  call: ActivityCall | undefined;
  timer: TimerRecord | undefined;
  constructor(
    readonly name: string,
    readonly begin: (task: MemoryTask) => void = () => undefined,
    readonly children: readonly MemoryTask[] = [],
  ) {}
}

const OK: Reply = { value: { ok: true, outputs: { statusCode: 200, headers: {}, body: null } } };
const iso = (ms: number): string => new Date(ms).toISOString();

export class MemoryPort implements WorkflowPort {
  readonly isReplaying = false;
  clock: number;
  turn = 0;
  inFlight = 0;
  maxInFlight = 0;
  readonly calls: ActivityCall[] = [];
  readonly timers: TimerRecord[] = [];
  readonly statuses: JsonValue[] = [];
  readonly children: RunOutcome[] = [];
  readonly history: HistoryEventView[];
  private guids = 0;
  private readonly tasks: MemoryTask[] = [];
  private readonly waiting: MemoryTask[] = [];
  private readonly queued: { name: string; payload: JsonValue; at: number }[] = [];

  constructor(
    readonly runId: string,
    private readonly options: RunOptions = {},
  ) {
    this.clock = options.start ?? START;
    this.history = [{ EventType: 'ExecutionStarted', Timestamp: iso(this.clock) }];
    for (const e of options.events ?? []) this.raise(e.name, e.payload, e.at);
  }

  now = (): number => this.clock;
  newGuid = (): string => deterministicGuid(this.runId, this.guids++);
  setStatus = (status: JsonValue): void => void this.statuses.push(status);
  appSetting = (name: string): string | undefined => this.options.appSettings?.[name];
  outcome = (task: PortTask): TaskOutcome => {
    const { outcome, children } = task as MemoryTask;
    return children.find((c) => c.outcome.state !== 'pending')?.outcome ?? outcome;
  };

  callActivity = (name: string, input: JsonValue): PortTask =>
    this.add(name, (task) => {
      const call: ActivityCall = { name, input, at: this.clock, turn: this.turn };
      this.calls.push(call);
      task.call = call;
      this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
      const reply = (this.options.activity ?? (() => OK))(input, call, this);
      const [FunctionName, Input] = [name, JSON.stringify(input)];
      const thrown = 'throws' in reply;
      task.due = {
        at: this.clock + (reply.afterMs ?? 0),
        outcome: thrown
          ? { state: 'failed', message: reply.throws }
          : { state: 'completed', value: reply.value },
        event: thrown
          ? { EventType: 'TaskFailed', FunctionName, Input, Reason: reply.throws }
          : { EventType: 'TaskCompleted', FunctionName, Input, Result: JSON.stringify(reply.value) },
      };
    });

  createTimer = (fireAt: number): PortTask => {
    const timer: TimerRecord = { createdAt: this.clock, fireAt, state: 'pending' };
    this.timers.push(timer);
    const task = this.add('timer', (t) => {
      const event = { EventType: 'TimerFired', FireAt: iso(fireAt) };
      t.due = { at: fireAt, outcome: { state: 'completed', value: null }, event };
    });
    task.timer = timer;
    return task;
  };

  cancelTimer = (task: PortTask): void => {
    const t = task as MemoryTask;
    if (t.outcome.state !== 'pending' || t.timer === undefined) return;
    t.outcome = { state: 'failed', message: 'cancelled' };
    t.timer.state = 'cancelled';
  };

  /** Binds to the oldest queued event of that name (names are case-insensitive), or waits for one. */
  waitForEvent = (name: string): PortTask => {
    const task = this.add(name);
    this.waiting.push(task);
    this.deliver();
    return task;
  };

  /** Raises an event (from a test or an activity handler), delivered at `at` at the earliest. */
  raise(name: string, payload: JsonValue, at: number = this.clock): void {
    this.queued.push({ name, payload, at });
    this.deliver();
  }

  callSubWorkflow = (input: JsonValue, childRunId: string): PortTask =>
    this.add(childRunId, (task) => {
      const child = input as unknown as RunInput;
      const scripted = this.options.subWorkflow;
      const run = scripted
        ? undefined
        : runWorkflow(child, { ...this.options, runId: childRunId, start: this.clock, events: [] });
      if (run) this.children.push(run);
      const value = (run?.result ?? scripted?.(child, childRunId)) as unknown as JsonObject;
      const event = { EventType: 'SubOrchestrationInstanceCompleted', Result: JSON.stringify(value) };
      task.due = { at: run?.port.clock ?? this.clock, outcome: { state: 'completed', value }, event };
    });

  whenAny = (tasks: readonly PortTask[]): PortTask => {
    this.turn++;
    const children = tasks as readonly MemoryTask[];
    for (const child of children.filter((c) => !c.started)) {
      child.started = true;
      child.begin(child);
    }
    return new MemoryTask('any', undefined, children);
  };

  /** Advances the virtual clock until `awaited` (a whenAny result) has an outcome. */
  settle(awaited: PortTask): void {
    while (this.outcome(awaited).state === 'pending') {
      const due = this.tasks.filter((t) => t.outcome.state === 'pending' && t.due !== undefined);
      if (due.length === 0) throw new Error(`run ${this.runId} is stuck: no pending task can complete`);
      this.clock = Math.max(this.clock, Math.min(...due.map((t) => t.due?.at ?? Infinity)));
      for (const task of due) {
        if (task.due === undefined || task.due.at > this.clock) continue;
        task.outcome = task.due.outcome;
        this.history.push({ ...task.due.event, Timestamp: iso(this.clock) });
        if (task.timer) task.timer.state = 'fired';
        if (task.call === undefined) continue;
        Object.assign(task.call, { endAt: this.clock, endTurn: this.turn });
        this.inFlight--;
      }
    }
  }

  private add(name: string, begin?: (task: MemoryTask) => void): MemoryTask {
    const task = new MemoryTask(name, begin);
    this.tasks.push(task);
    return task;
  }

  private deliver(): void {
    for (const task of this.waiting.filter((t) => t.due === undefined)) {
      const index = this.queued.findIndex((e) => e.name.toLowerCase() === task.name.toLowerCase());
      if (index < 0) continue;
      const [event] = this.queued.splice(index, 1);
      if (event === undefined) continue;
      const view = { EventType: 'EventRaised', Name: event.name, Input: JSON.stringify(event.payload) };
      task.due = {
        at: Math.max(event.at, this.clock),
        outcome: { state: 'completed', value: event.payload },
        event: view,
      };
    }
  }
}

export interface RunOutcome {
  readonly result: RunResult;
  /** The top-level action records, in start order. */
  readonly actions: readonly ActionRecord[];
  readonly state: RunState;
  readonly port: MemoryPort;
}

/** Runs `input` to its end on a fresh MemoryPort. */
export function runWorkflow(input: RunInput, options: RunOptions = {}): RunOutcome {
  const port = new MemoryPort(options.runId ?? 'run-1', options);
  let state: RunState | undefined;
  const run = interpret(port, input, { onStart: (s) => (state = s) });
  for (let step = run.next(); ; step = run.next()) {
    if (step.done === true) {
      if (state === undefined) throw new Error('interpret() never started');
      return { result: step.value, actions: state.root.ordered, state, port };
    }
    port.settle(step.value);
  }
}
