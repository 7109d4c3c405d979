/**
 * {@link DurableStore} in process memory (`--store memory`): same semantics as the SQLite store,
 * nothing survives the process. Each method runs synchronously to completion, which makes every
 * commit atomic with respect to the dispatcher.
 */
import type { HistoryEvent } from '../history';
import type {
  ActivityItem,
  DurableStore,
  EntityCommit,
  EntityRow,
  EpisodeCommit,
  InstanceFilter,
  InstanceRow,
  Message,
  NewMessage,
  TimerItem,
} from './types';
import { matchesFilter } from './filter';

/** Values are copied in and out through JSON so callers never share mutable state with the store. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemoryStore implements DurableStore {
  readonly #instances = new Map<string, InstanceRow>();
  readonly #history = new Map<string, HistoryEvent[]>();
  readonly #messages = new Map<number, Message>();
  readonly #timers = new Map<string, TimerItem>();
  readonly #activities = new Map<string, ActivityItem>();
  readonly #entities = new Map<string, EntityRow>();
  #seq = 0;

  instance(instanceId: string): InstanceRow | undefined {
    return this.#instances.get(instanceId);
  }

  instances(filter: InstanceFilter): InstanceRow[] {
    return [...this.#instances.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.instanceId.localeCompare(b.instanceId))
      .filter((row) => matchesFilter(row, filter));
  }

  createInstance(row: InstanceRow, start: NewMessage): void {
    this.#delete(row.instanceId);
    this.#instances.set(row.instanceId, row);
    this.#insert(start);
  }

  history(instanceId: string): HistoryEvent[] {
    // History events are never mutated after they are appended; a new array is enough.
    return [...(this.#history.get(instanceId) ?? [])];
  }

  messages(target: string): Message[] {
    return [...this.#messages.values()].filter((m) => m.target === target).map(copy);
  }

  targetsWithMessages(): string[] {
    return [...new Set([...this.#messages.values()].map((m) => m.target))];
  }

  enqueue(message: NewMessage): void {
    this.#insert(message);
  }

  commitEpisode(c: EpisodeCommit): void {
    const id = c.instance.instanceId;
    this.#instances.set(id, c.instance);
    const kept = c.resetHistory ? [] : (this.#history.get(id) ?? []);
    kept.push(...c.append);
    this.#history.set(id, kept);
    for (const seq of c.consumed) this.#messages.delete(seq);
    for (const a of c.activities) this.#activities.set(a.id, a);
    for (const t of c.timers) this.#timers.set(t.id, copy(t));
    for (const t of c.cancelTimers) this.#timers.delete(t);
    for (const row of c.newInstances) {
      this.#delete(row.instanceId);
      this.#instances.set(row.instanceId, row);
    }
    for (const m of c.messages) this.#insert(m);
  }

  commitEntity(c: EntityCommit): void {
    this.#entities.set(c.entity.entityId, c.entity);
    for (const seq of c.consumed) this.#messages.delete(seq);
    for (const m of c.messages) this.#insert(m);
  }

  activities(): ActivityItem[] {
    return [...this.#activities.values()];
  }

  completeActivity(itemId: string, result: NewMessage): void {
    if (this.#activities.delete(itemId)) this.#insert(result);
  }

  timers(): TimerItem[] {
    return [...this.#timers.values()].sort((a, b) => a.fireAt.localeCompare(b.fireAt)).map(copy);
  }

  fireTimer(timerId: string, fired: NewMessage): void {
    if (this.#timers.delete(timerId)) this.#insert(fired);
  }

  entity(entityId: string): EntityRow | undefined {
    return this.#entities.get(entityId);
  }

  purge(instanceIds: readonly string[]): number {
    return instanceIds.reduce((n, id) => n + this.#delete(id), 0);
  }

  close(): void {
    // nothing to release
  }

  #insert(m: NewMessage): void {
    const seq = ++this.#seq;
    this.#messages.set(seq, { ...copy(m), seq });
  }

  #delete(id: string): number {
    const existed = this.#instances.delete(id) ? 1 : 0;
    this.#history.delete(id);
    for (const [seq, m] of this.#messages) if (m.target === id) this.#messages.delete(seq);
    for (const [key, t] of this.#timers) if (t.instanceId === id) this.#timers.delete(key);
    for (const [key, a] of this.#activities) if (a.instanceId === id) this.#activities.delete(key);
    return existed;
  }
}
