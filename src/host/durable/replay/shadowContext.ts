/**
 * The extension's half of the replay protocol (protocol notes 2.5): sequence ids handed out in the
 * order DTFx's TaskOrchestrationContext would hand them out, history events matched against them, and
 * completions resolving the shadow tasks so later actions get their ids only when history says so.
 */
import { EventType, type HistoryEvent, historyEvent, num, str } from '../history';
import { missingAction, type ScheduledKind, wrongKind, wrongName } from './nondeterminism';
import { RaisedEvents } from './events';
import { failure, parseJson } from './outcomes';
import { OK, type Outcome, ShadowTask } from './task';

export interface ReplayOptions {
  readonly instanceId: string;
  readonly executionId: string;
  /** Schema V3: SDK-side long timers and HTTP 202 polling, mirrored here id for id. */
  readonly schemaV3: boolean;
  readonly longTimerIntervalMs: number;
  readonly maxShortTimerMs: number;
  readonly httpSleepMs: number;
  newGuid(): string;
  warn(message: string): void;
}

export interface Pending {
  readonly id: number;
  readonly kind: ScheduledKind;
  readonly name: string;
  event: HistoryEvent;
  claimed: boolean;
  readonly task: ShadowTask;
  /** Counts toward the completion rule (activities, live timers, sub-orchestrations). */
  open: boolean;
  requestId?: string;
}

const SCHEDULED_KIND: Readonly<Record<number, ScheduledKind>> = {
  [EventType.TaskScheduled]: 'activity',
  [EventType.TimerCreated]: 'timer',
  [EventType.SubOrchestrationInstanceCreated]: 'sub-orchestration',
  [EventType.EventSent]: 'send event',
};

export class ShadowContext {
  now = '';
  continueAsNew: { readonly input: unknown } | undefined;
  /** Events replayed after ContinueAsNew was registered: DTFx hands them to the next execution. */
  readonly carriedOver: HistoryEvent[] = [];
  readonly pending = new Map<number, Pending>();
  readonly cancelledTimers: number[] = [];
  #next = 0;
  readonly #events = new RaisedEvents();

  constructor(readonly options: ReplayOptions) {}

  get nowMs(): number {
    return Date.parse(this.now);
  }

  activity(name: string, input: string | null): ShadowTask {
    return this.#schedule('activity', name, EventType.TaskScheduled, {
      Name: name,
      Version: '',
      Input: input,
    }).task;
  }

  timer(fireAt: string, cancelled = false): ShadowTask {
    const p = this.#schedule('timer', '', EventType.TimerCreated, { FireAt: fireAt });
    if (cancelled) {
      p.open = false;
      this.cancelledTimers.push(p.id);
      p.task.settle({ ok: false, reason: 'Timer canceled', details: '' });
    }
    return p.task;
  }

  subOrchestration(
    name: string,
    instanceId: string | undefined,
    input: unknown,
    version?: string,
  ): ShadowTask {
    const id = this.#next;
    const child = instanceId ?? `${this.options.executionId}:${id}`;
    return this.#schedule('sub-orchestration', name, EventType.SubOrchestrationInstanceCreated, {
      Name: name,
      Version: version ?? '',
      InstanceId: child,
      Input: input === undefined ? null : JSON.stringify(input),
    }).task;
  }

  /** Entity call or signal: an EventSent carrying a RequestMessage; calls await the response event. */
  entityMessage(target: string, operation: string, input: unknown, signal: boolean): ShadowTask {
    const requestId = this.options.newGuid();
    const request = {
      op: operation,
      ...(signal ? { signal: true } : {}),
      ...(input === undefined ? {} : { input: JSON.stringify(input) }),
      id: requestId,
      parent: this.options.instanceId,
      parentExecution: this.options.executionId,
    };
    const p = this.#schedule('send event', operation, EventType.EventSent, {
      InstanceId: target,
      Name: 'op',
      Input: JSON.stringify(request),
    });
    p.open = false;
    if (signal) {
      p.task.settle(OK);
      return p.task;
    }
    p.requestId = requestId;
    this.#events.expectResponse(requestId, p.task);
    return p.task;
  }

  waitForEvent(name: string): ShadowTask {
    return this.#events.waitFor(name);
  }

  /** Replays one history event; throws {@link NonDeterminismError} on a mismatch. */
  apply(event: HistoryEvent): void {
    const kind = SCHEDULED_KIND[event.EventType];
    if (kind) return this.#claim(kind, event);
    switch (event.EventType) {
      case EventType.OrchestratorStarted:
        this.now = event.Timestamp;
        return;
      case EventType.TaskCompleted:
      case EventType.SubOrchestrationInstanceCompleted:
        return this.#complete(num(event, 'TaskScheduledId'), {
          ok: true,
          value: parseJson(str(event, 'Result')),
        });
      case EventType.TaskFailed:
      case EventType.SubOrchestrationInstanceFailed:
        return this.#complete(num(event, 'TaskScheduledId'), failure(event));
      case EventType.TimerFired:
        return this.#complete(num(event, 'TimerId'), OK);
      case EventType.EventRaised:
        return this.#raise(event);
      default:
        return;
    }
  }

  /** Scheduling events the history has not seen yet, in id order: this episode's new work. */
  newEvents(): HistoryEvent[] {
    return [...this.pending.values()]
      .filter((p) => !p.claimed)
      .sort((a, b) => a.id - b.id)
      .map((p) => p.event);
  }

  openTasks(): number {
    return [...this.pending.values()].filter((p) => p.open && !p.task.done).length;
  }

  #schedule(kind: ScheduledKind, name: string, type: number, fields: Record<string, unknown>): Pending {
    const id = this.#next++;
    const p: Pending = {
      id,
      kind,
      name,
      event: historyEvent(type, this.now, fields, id),
      claimed: false,
      task: new ShadowTask(),
      open: true,
    };
    this.pending.set(id, p);
    return p;
  }

  #claim(kind: ScheduledKind, event: HistoryEvent): void {
    const p = this.pending.get(event.EventId);
    if (!p || p.claimed) throw missingAction(kind, event);
    if (p.kind !== kind) throw wrongKind(kind, event, p.kind);
    const name = kind === 'send event' ? undefined : str(event, 'Name');
    if (name !== undefined && name.toLowerCase() !== p.name.toLowerCase())
      throw wrongName(kind, event, p.name);
    p.claimed = true;
    p.event = event;
    if (p.requestId !== undefined) {
      const recorded = parseJson(str(event, 'Input')) as { id?: unknown } | null;
      if (recorded && typeof recorded.id === 'string' && recorded.id !== p.requestId) {
        this.#events.rekey(p.requestId, recorded.id);
        p.requestId = recorded.id;
      }
    }
  }

  #complete(id: number | undefined, outcome: Outcome): void {
    if (id === undefined) return;
    const p = this.pending.get(id);
    // DTFx logs duplicates and completions for unknown ids and moves on.
    if (!p || p.task.done) return;
    p.task.settle(outcome);
  }

  #raise(event: HistoryEvent): void {
    if (this.continueAsNew) this.carriedOver.push(event);
    else this.#events.deliver(event);
  }
}
