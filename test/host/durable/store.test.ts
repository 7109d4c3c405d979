import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EventType, historyEvent } from '../../../src/host/durable/history';
import { MemoryStore } from '../../../src/host/durable/store/memoryStore';
import { SqliteStore } from '../../../src/host/durable/store/sqliteStore';
import type { DurableStore, EpisodeCommit, InstanceRow } from '../../../src/host/durable/store/types';

const dir = mkdtempSync(join(tmpdir(), 'flowline-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-01-01T00:00:00.000Z';
const row = (id: string, status: InstanceRow['status'] = 'Pending'): InstanceRow => ({
  instanceId: id,
  name: 'O',
  executionId: 'e1',
  status,
  input: '1',
  output: null,
  customStatus: null,
  createdAt: T,
  updatedAt: T,
  parentInstanceId: null,
});
const started = historyEvent(EventType.ExecutionStarted, T, { Name: 'O' });

function episode(store: DurableStore, id: string): EpisodeCommit {
  return {
    instance: { ...row(id), status: 'Running' },
    resetHistory: false,
    append: [
      historyEvent(EventType.OrchestratorStarted, T),
      started,
      historyEvent(EventType.TaskScheduled, T, { Name: 'A' }, 0),
    ],
    consumed: store.messages(id).map((m) => m.seq),
    activities: [{ id: `${id}|e1|0`, instanceId: id, executionId: 'e1', taskId: 0, name: 'A', input: '"x"' }],
    timers: [
      {
        id: `${id}|e1|1`,
        instanceId: id,
        executionId: 'e1',
        fireAt: T,
        event: historyEvent(EventType.TimerFired, T, { TimerId: 1 }),
      },
    ],
    cancelTimers: [],
    messages: [],
    newInstances: [],
  };
}

const stores: [string, (name: string) => DurableStore][] = [
  ['memory', () => new MemoryStore()],
  ['SQLite file', (name) => new SqliteStore(join(dir, `${name}.db`))],
];

describe.each(stores)('the %s store', (_kind, open) => {
  test('an episode commit consumes the inbox and records history, work items and timers together', () => {
    const store = open('episode');
    store.createInstance(row('i'), { target: 'i', executionId: 'e1', event: started });
    expect(store.targetsWithMessages()).toEqual(['i']);
    store.commitEpisode(episode(store, 'i'));
    expect(store.messages('i')).toEqual([]);
    expect(store.history('i').map((e) => e.EventType)).toEqual([
      EventType.OrchestratorStarted,
      EventType.ExecutionStarted,
      EventType.TaskScheduled,
    ]);
    expect(store.activities().map((a) => a.id)).toEqual(['i|e1|0']);
    expect(store.timers().map((t) => t.id)).toEqual(['i|e1|1']);
    expect(store.instance('i')?.status).toBe('Running');
    store.close();
  });

  test('an activity result and a timer fire are delivered once, even when reported twice', () => {
    const store = open('once');
    store.createInstance(row('i'), { target: 'i', executionId: 'e1', event: started });
    store.commitEpisode(episode(store, 'i'));
    const done = {
      target: 'i',
      executionId: 'e1',
      event: historyEvent(EventType.TaskCompleted, T, { TaskScheduledId: 0, Result: '1' }),
    };
    store.completeActivity('i|e1|0', done);
    store.completeActivity('i|e1|0', done);
    const fired = {
      target: 'i',
      executionId: 'e1',
      event: historyEvent(EventType.TimerFired, T, { TimerId: 1 }),
    };
    store.fireTimer('i|e1|1', fired);
    store.fireTimer('i|e1|1', fired);
    expect(store.messages('i').map((m) => m.event.EventType)).toEqual([
      EventType.TaskCompleted,
      EventType.TimerFired,
    ]);
    expect(store.activities()).toEqual([]);
    expect(store.timers()).toEqual([]);
    store.close();
  });

  test('purge removes the instance with its history, inbox, work items and timers', () => {
    const store = open('purge');
    store.createInstance(row('i'), { target: 'i', executionId: 'e1', event: started });
    store.commitEpisode(episode(store, 'i'));
    store.enqueue({
      target: 'i',
      executionId: null,
      event: historyEvent(EventType.EventRaised, T, { Name: 'x' }),
    });
    expect(store.purge(['i', 'unknown'])).toBe(1);
    expect([
      store.instance('i'),
      store.history('i'),
      store.messages('i'),
      store.activities(),
      store.timers(),
    ]).toEqual([undefined, [], [], [], []]);
    store.close();
  });

  test('instances filter by creation time, status and id prefix', () => {
    const store = open('filter');
    store.createInstance(
      { ...row('a-1'), createdAt: '2026-01-01T00:00:00.000Z' },
      { target: 'a-1', executionId: 'e1', event: started },
    );
    store.createInstance(
      { ...row('a-2'), createdAt: '2026-01-02T00:00:00.000Z', status: 'Running' },
      { target: 'a-2', executionId: 'e1', event: started },
    );
    store.createInstance(
      { ...row('b-1'), createdAt: '2026-01-03T00:00:00.000Z' },
      { target: 'b-1', executionId: 'e1', event: started },
    );
    const ids = (f: Parameters<DurableStore['instances']>[0]): string[] =>
      store.instances(f).map((r) => r.instanceId);
    expect(ids({})).toEqual(['a-1', 'a-2', 'b-1']);
    expect(ids({ prefix: 'a-' })).toEqual(['a-1', 'a-2']);
    expect(ids({ statuses: ['Pending'] })).toEqual(['a-1', 'b-1']);
    expect(ids({ createdFrom: '2026-01-02T00:00:00.000Z', createdTo: '2026-01-02T12:00:00.000Z' })).toEqual([
      'a-2',
    ]);
    store.close();
  });
});

test('the SQLite store keeps everything across a reopen of the same file', () => {
  const path = join(dir, 'reopen.db');
  const first = new SqliteStore(path);
  first.createInstance(row('i'), { target: 'i', executionId: 'e1', event: started });
  first.commitEpisode(episode(first, 'i'));
  first.commitEntity({
    entity: { entityId: '@c@k', exists: true, state: '5', updatedAt: T },
    consumed: [],
    messages: [],
  });
  first.close();
  const second = new SqliteStore(path);
  expect(second.history('i')).toHaveLength(3);
  expect(second.activities()).toHaveLength(1);
  expect(second.timers()).toHaveLength(1);
  expect(second.entity('@c@k')).toMatchObject({ exists: true, state: '5' });
  second.close();
});

describe('the SQLite store durability setting', () => {
  test.each([
    [undefined, 'normal'],
    ['normal', 'normal'],
    ['full', 'full'],
  ] as const)('with sync %s, commits wait for the disk as SQLite %s', (sync, expected) => {
    const store = new SqliteStore(join(dir, `sync-${sync ?? 'default'}.db`), sync ? { sync } : {});
    expect(store.sync()).toBe(expected);
  });
});
