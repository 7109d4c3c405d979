/**
 * {@link DurableStore} on a SQLite file (better-sqlite3), one transaction per commit. WAL journal with `synchronous=FULL`: a commit is on
 * disk when `commitEpisode` returns, so a `kill -9` (or power loss) after an activity result was
 * acknowledged never loses it. NORMAL would be faster but may lose the last commits on power loss.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type HistoryEvent, isTerminal, type RuntimeStatus } from '../history';
import { matchesFilter } from './filter';
import { SCHEMA } from './schema';
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

interface InstanceRecord {
  instance_id: string;
  name: string;
  execution_id: string;
  status: string;
  input: string | null;
  output: string | null;
  custom_status: string | null;
  created_at: string;
  updated_at: string;
  parent_instance_id: string | null;
}

function toInstance(r: InstanceRecord): InstanceRow {
  return {
    instanceId: r.instance_id,
    name: r.name,
    executionId: r.execution_id,
    status: r.status as RuntimeStatus,
    input: r.input,
    output: r.output,
    customStatus: r.custom_status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    parentInstanceId: r.parent_instance_id,
  };
}

/** How long one write waits for another process's lock before it fails with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 250;

export interface SqliteStoreOptions {
  readonly busyTimeoutMs?: number;
  /** `PRAGMA max_page_count`: a size limit, past which writes fail with SQLITE_FULL (tests). */
  readonly maxPageCount?: number;
  /**
   * When a commit waits for the disk. `normal` (default): a commit is durable once the process has
   * written it, so a crash or kill of the host loses nothing; a power loss or OS crash may undo the
   * last commits (WAL mode, `PRAGMA synchronous = NORMAL`). `full`: every commit also waits for an
   * fsync, which costs about a millisecond per commit on the event loop (docs/performance.md).
   */
  readonly sync?: 'normal' | 'full';
}

export class SqliteStore implements DurableStore {
  readonly #db: Database.Database;
  /** Parsed history of running instances (write-through), so an episode does not re-read it all. */
  readonly #historyCache = new Map<string, HistoryEvent[]>();
  readonly #statements = new Map<string, Database.Statement>();

  constructor(path: string, options: SqliteStoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // better-sqlite3 is synchronous: a write waiting for another process's lock blocks the whole
    // event loop, so the wait is short and the engine's StoreGate retries later instead.
    this.#db = new Database(path, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
    if (options.maxPageCount !== undefined) this.#db.pragma(`max_page_count = ${options.maxPageCount}`);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(`synchronous = ${options.sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.#db.exec(SCHEMA);
  }

  /** When a commit waits for the disk, as SQLite reports it (`PRAGMA synchronous`). */
  sync(): 'normal' | 'full' | 'other' {
    const level = this.#db.pragma('synchronous', { simple: true });
    return level === 1 ? 'normal' : level === 2 ? 'full' : 'other';
  }

  instance(instanceId: string): InstanceRow | undefined {
    const r = this.#stmt('SELECT * FROM instances WHERE instance_id = ?').get(instanceId) as
      InstanceRecord | undefined;
    return r && toInstance(r);
  }

  instances(filter: InstanceFilter): InstanceRow[] {
    const rows = this.#stmt(
      'SELECT * FROM instances ORDER BY created_at, instance_id',
    ).all() as InstanceRecord[];
    return rows.map(toInstance).filter((row) => matchesFilter(row, filter));
  }

  createInstance(row: InstanceRow, start: NewMessage): void {
    this.#db.transaction(() => {
      this.#deleteInstance(row.instanceId);
      this.#putInstance(row);
      this.#insertMessage(start);
    })();
  }

  history(instanceId: string): HistoryEvent[] {
    const cached = this.#historyCache.get(instanceId);
    if (cached) return [...cached];
    const rows = this.#stmt('SELECT event FROM history WHERE instance_id = ? ORDER BY seq').all(
      instanceId,
    ) as { event: string }[];
    const events = rows.map((r) => JSON.parse(r.event) as HistoryEvent);
    this.#historyCache.set(instanceId, events);
    return [...events];
  }

  messages(target: string): Message[] {
    const rows = this.#stmt('SELECT * FROM messages WHERE target = ? ORDER BY seq').all(target) as {
      seq: number;
      target: string;
      execution_id: string | null;
      event: string;
    }[];
    return rows.map((r) => ({
      seq: r.seq,
      target: r.target,
      executionId: r.execution_id,
      event: JSON.parse(r.event) as HistoryEvent,
    }));
  }

  targetsWithMessages(): string[] {
    const rows = this.#stmt('SELECT DISTINCT target FROM messages').all() as {
      target: string;
    }[];
    return rows.map((r) => r.target);
  }

  enqueue(message: NewMessage): void {
    this.#insertMessage(message);
  }

  commitEpisode(c: EpisodeCommit): void {
    this.#db.transaction(() => {
      this.#putInstance(c.instance);
      if (c.resetHistory) this.#stmt('DELETE FROM history WHERE instance_id = ?').run(c.instance.instanceId);
      const next = this.#stmt(
        'SELECT COALESCE(MAX(seq), -1) + 1 AS n FROM history WHERE instance_id = ?',
      ).get(c.instance.instanceId) as { n: number };
      const insert = this.#stmt('INSERT INTO history (instance_id, seq, event) VALUES (?, ?, ?)');
      c.append.forEach((e, i) => insert.run(c.instance.instanceId, next.n + i, JSON.stringify(e)));
      this.#deleteMessages(c.consumed);
      const activity = this.#stmt(
        'INSERT INTO activities (id, instance_id, execution_id, task_id, name, input) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const a of c.activities)
        activity.run(a.id, a.instanceId, a.executionId, a.taskId, a.name, a.input);
      const timer = this.#stmt(
        'INSERT INTO timers (id, instance_id, execution_id, fire_at, event) VALUES (?, ?, ?, ?, ?)',
      );
      for (const t of c.timers)
        timer.run(t.id, t.instanceId, t.executionId, t.fireAt, JSON.stringify(t.event));
      const cancel = this.#stmt('DELETE FROM timers WHERE id = ?');
      for (const id of c.cancelTimers) cancel.run(id);
      for (const row of c.newInstances) {
        this.#deleteInstance(row.instanceId);
        this.#putInstance(row);
      }
      for (const m of c.messages) this.#insertMessage(m);
    })();
    this.#cacheAppend(c);
  }

  #cacheAppend(c: EpisodeCommit): void {
    const id = c.instance.instanceId;
    const cached = this.#historyCache.get(id);
    if (isTerminal(c.instance.status)) this.#historyCache.delete(id);
    else if (c.resetHistory) this.#historyCache.set(id, [...c.append]);
    else if (cached) cached.push(...c.append);
  }

  commitEntity(c: EntityCommit): void {
    this.#db.transaction(() => {
      this.#stmt(
        'INSERT OR REPLACE INTO entities (entity_id, exists_flag, state, updated_at) VALUES (?, ?, ?, ?)',
      ).run(c.entity.entityId, c.entity.exists ? 1 : 0, c.entity.state, c.entity.updatedAt);
      this.#deleteMessages(c.consumed);
      for (const m of c.messages) this.#insertMessage(m);
    })();
  }

  activities(): ActivityItem[] {
    const rows = this.#stmt('SELECT * FROM activities ORDER BY rowid').all() as {
      id: string;
      instance_id: string;
      execution_id: string;
      task_id: number;
      name: string;
      input: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      instanceId: r.instance_id,
      executionId: r.execution_id,
      taskId: r.task_id,
      name: r.name,
      input: r.input,
    }));
  }

  completeActivity(itemId: string, result: NewMessage): void {
    this.#db.transaction(() => {
      const gone = this.#stmt('DELETE FROM activities WHERE id = ?').run(itemId);
      // A purged instance's work item is gone: its result has nowhere to go.
      if (gone.changes > 0) this.#insertMessage(result);
    })();
  }

  timers(): TimerItem[] {
    const rows = this.#stmt('SELECT * FROM timers ORDER BY fire_at').all() as {
      id: string;
      instance_id: string;
      execution_id: string;
      fire_at: string;
      event: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      instanceId: r.instance_id,
      executionId: r.execution_id,
      fireAt: r.fire_at,
      event: JSON.parse(r.event) as HistoryEvent,
    }));
  }

  fireTimer(timerId: string, fired: NewMessage): void {
    this.#db.transaction(() => {
      const gone = this.#stmt('DELETE FROM timers WHERE id = ?').run(timerId);
      if (gone.changes > 0) this.#insertMessage(fired);
    })();
  }

  entity(entityId: string): EntityRow | undefined {
    const r = this.#stmt('SELECT * FROM entities WHERE entity_id = ?').get(entityId) as
      { entity_id: string; exists_flag: number; state: string | null; updated_at: string } | undefined;
    return (
      r && { entityId: r.entity_id, exists: r.exists_flag === 1, state: r.state, updatedAt: r.updated_at }
    );
  }

  purge(instanceIds: readonly string[]): number {
    let deleted = 0;
    this.#db.transaction(() => {
      for (const id of instanceIds) deleted += this.#deleteInstance(id);
    })();
    return deleted;
  }

  close(): void {
    this.#db.close();
  }

  /** Prepared statements are compiled once per store, not on every call. */
  #stmt(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #putInstance(r: InstanceRow): void {
    this.#stmt(
      `INSERT OR REPLACE INTO instances (instance_id, name, execution_id, status, input, output,
         custom_status, created_at, updated_at, parent_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.instanceId,
      r.name,
      r.executionId,
      r.status,
      r.input,
      r.output,
      r.customStatus,
      r.createdAt,
      r.updatedAt,
      r.parentInstanceId,
    );
  }

  #deleteInstance(id: string): number {
    this.#historyCache.delete(id);
    const gone = this.#stmt('DELETE FROM instances WHERE instance_id = ?').run(id).changes;
    for (const table of ['history', 'activities', 'timers'])
      this.#stmt(`DELETE FROM ${table} WHERE instance_id = ?`).run(id);
    this.#stmt('DELETE FROM messages WHERE target = ?').run(id);
    return gone;
  }

  #insertMessage(m: NewMessage): void {
    this.#stmt('INSERT INTO messages (target, execution_id, event) VALUES (?, ?, ?)').run(
      m.target,
      m.executionId,
      JSON.stringify(m.event),
    );
  }

  #deleteMessages(seqs: readonly number[]): void {
    const del = this.#stmt('DELETE FROM messages WHERE seq = ?');
    for (const seq of seqs) del.run(seq);
  }
}
