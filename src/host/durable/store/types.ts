/**
 * The durable store: instances, their history, the inbox of pending messages, timers, activity work
 * items and entity state. Every method that changes more than one table is one transaction, so a
 * crash at any point leaves either the state before or the state after.
 */
import type { HistoryEvent, RuntimeStatus } from '../history';

export interface InstanceRow {
  readonly instanceId: string;
  readonly name: string;
  readonly executionId: string;
  readonly status: RuntimeStatus;
  /** JSON text (or null). */
  readonly input: string | null;
  readonly output: string | null;
  readonly customStatus: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly parentInstanceId: string | null;
}

/** A pending message for an orchestration instance or an entity (`@name@key`). */
export interface Message {
  readonly seq: number;
  readonly target: string;
  /** Execution the message belongs to; messages for an older execution are dropped. Null: any. */
  readonly executionId: string | null;
  readonly event: HistoryEvent;
}

export type NewMessage = Omit<Message, 'seq'>;

export interface ActivityItem {
  readonly id: string;
  readonly instanceId: string;
  readonly executionId: string;
  readonly taskId: number;
  readonly name: string;
  /** JSON text of the input, or null when the orchestrator passed none. */
  readonly input: string | null;
}

export interface TimerItem {
  readonly id: string;
  readonly instanceId: string;
  readonly executionId: string;
  readonly fireAt: string;
  /** The TimerFired event delivered when it falls due. */
  readonly event: HistoryEvent;
}

export interface EntityRow {
  readonly entityId: string;
  readonly exists: boolean;
  /** JSON text of the state. */
  readonly state: string | null;
  readonly updatedAt: string;
}

/** Everything one orchestration episode changes, committed atomically. */
export interface EpisodeCommit {
  readonly instance: InstanceRow;
  /** Replace the execution's history (continue-as-new) instead of appending. */
  readonly resetHistory: boolean;
  readonly append: readonly HistoryEvent[];
  readonly consumed: readonly number[];
  readonly activities: readonly ActivityItem[];
  readonly timers: readonly TimerItem[];
  readonly cancelTimers: readonly string[];
  readonly messages: readonly NewMessage[];
  readonly newInstances: readonly InstanceRow[];
}

export interface EntityCommit {
  readonly entity: EntityRow;
  readonly consumed: readonly number[];
  readonly messages: readonly NewMessage[];
}

export interface InstanceFilter {
  readonly createdFrom?: string;
  readonly createdTo?: string;
  readonly statuses?: readonly RuntimeStatus[];
  readonly prefix?: string;
}

export interface DurableStore {
  instance(instanceId: string): InstanceRow | undefined;
  instances(filter: InstanceFilter): InstanceRow[];
  /** Creates (or recreates, replacing a finished one) an instance with its first message. */
  createInstance(row: InstanceRow, start: NewMessage): void;
  history(instanceId: string): HistoryEvent[];
  messages(target: string): Message[];
  /** Targets that have pending messages (instances and entities). */
  targetsWithMessages(): string[];
  enqueue(message: NewMessage): void;
  commitEpisode(commit: EpisodeCommit): void;
  commitEntity(commit: EntityCommit): void;
  activities(): ActivityItem[];
  /** Deletes the work item and delivers its result in one transaction. */
  completeActivity(itemId: string, result: NewMessage): void;
  timers(): TimerItem[];
  fireTimer(timerId: string, fired: NewMessage): void;
  entity(entityId: string): EntityRow | undefined;
  /** Deletes instances with their history, messages, timers and work items; returns how many. */
  purge(instanceIds: readonly string[]): number;
  close(): void;
}
