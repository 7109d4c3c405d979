/**
 * A port that plays a run's recorded history back to the engine instead of doing anything, so the
 * action-by-action view of a run is derived from the durable history (design decision 6) rather
 * than stored twice. It reads the history as the Durable status API shows it (`showHistory=true`,
 * `showHistoryOutput=true`), which works on Azure and on the embedded host alike.
 *
 * Matching completions to tasks: by `TaskScheduledId` when the history carries it (ids are given in
 * yield order, as durable-js does), else by function name and input, else by function name in
 * scheduling order. Timers match by fire time, events by name. "Now" follows the timestamps of the
 * events played so far, so start and end times are those the history recorded.
 */
import type { JsonValue } from '../../expressions/values';
import { deterministicGuid } from '../guid';
import type { PortTask, TaskOutcome, WorkflowPort } from '../port';

export interface HistoryEventView {
  readonly EventType: string;
  readonly Timestamp?: string;
  readonly FunctionName?: string;
  readonly Name?: string;
  readonly Input?: unknown;
  readonly Result?: unknown;
  readonly FireAt?: string;
  readonly Reason?: string;
  readonly Details?: string;
  readonly TaskScheduledId?: number;
}

type Kind = 'activity' | 'timer' | 'event' | 'sub' | 'any';

export class ReplayTask implements PortTask {
  readonly __portTask = true as const;
  outcome: TaskOutcome = { state: 'pending' };
  id: number | undefined;
  scheduled = false;
  /** A compound that mixes new and older tasks: the Durable port adds a gate timer, which takes an id. */
  gate = false;
  constructor(
    readonly kind: Kind,
    readonly name: string,
    readonly key: string,
    readonly fireAt: number,
    readonly children: readonly ReplayTask[] = [],
  ) {}
}

export class ReplayPort implements WorkflowPort {
  readonly isReplaying = true;
  private time: number;
  private guids = 0;
  private sequence = 0;
  private readonly pending: ReplayTask[] = [];
  private readonly unclaimed: HistoryEventView[] = [];

  constructor(
    readonly runId: string,
    startTime: number,
    /** App settings as the process sees them now (they may have changed since the run). */
    readonly appSetting: (name: string) => string | undefined = () => undefined,
  ) {
    this.time = startTime;
  }

  now = (): number => this.time;
  newGuid = (): string => deterministicGuid(this.runId, this.guids++);
  setStatus = (): void => undefined;
  outcome = (task: PortTask): TaskOutcome => (task as ReplayTask).outcome;

  callActivity = (name: string, input: JsonValue): PortTask =>
    this.add(new ReplayTask('activity', name, JSON.stringify(input), 0));
  createTimer = (fireAt: number): PortTask => this.add(new ReplayTask('timer', '', '', fireAt));
  cancelTimer = (task: PortTask): void => {
    const t = task as ReplayTask;
    if (t.outcome.state === 'pending') t.outcome = { state: 'failed', message: 'cancelled' };
  };
  waitForEvent = (name: string): PortTask => this.add(new ReplayTask('event', name, '', 0));
  callSubWorkflow = (input: JsonValue): PortTask =>
    this.add(new ReplayTask('sub', '', JSON.stringify(input), 0));
  whenAny = (tasks: readonly PortTask[]): PortTask => {
    const children = tasks as ReplayTask[];
    if (children.length === 1) return children[0] as ReplayTask;
    const any = new ReplayTask('any', '', '', 0, children);
    any.gate = children.some((c) => c.scheduled) && children.some((c) => !c.scheduled);
    return any;
  };

  /** Gives ids to the tasks a yield schedules, in the order durable-js does (see functions/durable/port.ts). */
  yielded(task: ReplayTask): void {
    const leaves = task.kind === 'any' ? task.children : [task];
    for (const leaf of leaves) {
      if (leaf.id === undefined && leaf.kind !== 'event') leaf.id = this.sequence++;
      leaf.scheduled = true;
    }
    if (task.gate) this.sequence++;
  }

  isDone(task: ReplayTask): boolean {
    if (task.kind === 'any') return task.children.some((c) => c.outcome.state !== 'pending');
    return task.outcome.state !== 'pending';
  }

  /** Applies one history event. */
  play(event: HistoryEventView): void {
    if (event.Timestamp !== undefined) {
      const at = Date.parse(event.Timestamp);
      if (!Number.isNaN(at)) this.time = Math.max(this.time, at);
    }
    if (!this.claim(event)) this.unclaimed.push(event);
  }

  private add(task: ReplayTask): ReplayTask {
    this.pending.push(task);
    const index = this.unclaimed.findIndex((event) => this.matches(task, event));
    if (index >= 0) {
      const [event] = this.unclaimed.splice(index, 1);
      if (event !== undefined) this.complete(task, event);
    }
    return task;
  }

  private claim(event: HistoryEventView): boolean {
    const candidates = this.pending.filter((task) => this.matches(task, event));
    const byId = candidates.find(
      (t) => event.TaskScheduledId !== undefined && t.id === event.TaskScheduledId,
    );
    const byInput = candidates.find((t) => event.Input !== undefined && t.key === inputText(event.Input));
    const task = byId ?? byInput ?? candidates[0];
    if (task === undefined) return false;
    this.complete(task, event);
    return true;
  }

  private matches(task: ReplayTask, event: HistoryEventView): boolean {
    switch (event.EventType) {
      case 'TaskCompleted':
      case 'TaskFailed':
        return task.kind === 'activity' && task.name === event.FunctionName;
      case 'TimerFired':
        return (
          task.kind === 'timer' &&
          (event.FireAt === undefined || Math.abs(Date.parse(event.FireAt) - task.fireAt) < 1000)
        );
      case 'EventRaised':
        return task.kind === 'event' && task.name.toLowerCase() === String(event.Name ?? '').toLowerCase();
      case 'SubOrchestrationInstanceCompleted':
      case 'SubOrchestrationInstanceFailed':
        return task.kind === 'sub';
      default:
        return false;
    }
  }

  private complete(task: ReplayTask, event: HistoryEventView): void {
    this.pending.splice(this.pending.indexOf(task), 1);
    if (event.EventType === 'TaskFailed' || event.EventType === 'SubOrchestrationInstanceFailed') {
      task.outcome = { state: 'failed', message: event.Reason ?? event.Details ?? 'failed' };
    } else {
      const raw = event.EventType === 'EventRaised' ? event.Input : event.Result;
      task.outcome = { state: 'completed', value: parsed(raw) };
    }
  }
}

function inputText(input: unknown): string {
  if (typeof input !== 'string') return JSON.stringify(input);
  try {
    return JSON.stringify(JSON.parse(input));
  } catch {
    return input;
  }
}

function parsed(raw: unknown): JsonValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return raw as JsonValue;
  try {
    return JSON.parse(raw) as JsonValue;
  } catch {
    return raw;
  }
}
