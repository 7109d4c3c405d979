/**
 * The StoreGate against a real SQLite file whose write lock a second connection holds, and one that
 * reaches its page limit: waiting writes land once the store is back, one probe at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StoreGate } from '../../src/host/durable/storeGate';
import { StoreUnavailableError } from '../../src/host/durable/store/unavailable';

const dir = mkdtempSync(join(tmpdir(), 'flowline-gate-'));
const open: Database.Database[] = [];

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function database(name: string, timeout = 20): Database.Database {
  const db = new Database(join(dir, name), { timeout });
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS t (v INTEGER)');
  open.push(db);
  return db;
}

function gate(): { gate: StoreGate; lines: string[] } {
  const lines: string[] = [];
  return { gate: new StoreGate((level, message) => lines.push(`${level}: ${message}`)), lines };
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('StoreGate', () => {
  it('lets a write that meets a locked store wait and land once the lock is released, logging the outage once', async () => {
    const db = database('lock1.db');
    const other = database('lock1.db');
    const { gate: g, lines } = gate();
    other.exec('BEGIN EXCLUSIVE');
    const writes = Array.from({ length: 20 }, (_, i) =>
      g.write(() => void db.prepare('INSERT INTO t VALUES (?)').run(i)),
    );
    await sleep(600);
    expect(g.unavailable?.code).toBe('SQLITE_BUSY');
    other.exec('COMMIT');
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 20 }, () => true));
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 20 });
    expect(g.unavailable).toBeUndefined();
    expect(lines.filter((l) => l.startsWith('error'))).toEqual([
      'error: The durable store is unavailable: the store file is locked by another process (SQLITE_BUSY). Orchestrations, activities and timers wait and retry; nothing committed is lost.',
    ]);
    expect(lines.at(-1)).toMatch(
      /^information: The durable store is available again after \d+ ms \(SQLITE_BUSY\); resuming \d+ waiting write\(s\)\.$/,
    );
  });

  it('probes a locked store with one write at a time, not every waiting write on every pause', async () => {
    const db = database('lock2.db');
    const other = database('lock2.db');
    const { gate: g } = gate();
    other.exec('BEGIN EXCLUSIVE');
    let attempts = 0;
    const writes = Array.from({ length: 50 }, () =>
      g.write(() => {
        attempts++;
        db.prepare('INSERT INTO t VALUES (1)').run();
      }),
    );
    await sleep(1500);
    const whileLocked = attempts;
    other.exec('COMMIT');
    await Promise.all(writes);
    // Pauses of 100, 200, 400, 800 ms fit in 1.5 s: the first write plus a handful of probes.
    expect(whileLocked).toBeLessThanOrEqual(8);
    // Every failed attempt happened while locked; after the release each write succeeds once.
    expect(attempts).toBe(whileLocked + 50);
  });

  it('refuses a write that cannot wait at once while the store is known to be locked, naming the cause', () => {
    const db = database('lock3.db');
    const other = database('lock3.db');
    const { gate: g } = gate();
    other.exec('BEGIN EXCLUSIVE');
    const insert = (): unknown => db.prepare('INSERT INTO t VALUES (1)').run();
    expect(() => g.now(insert)).toThrow(StoreUnavailableError);
    let tried = false;
    expect(() => g.now(() => (tried = true))).toThrow(
      'The durable store is unavailable: the store file is locked by another process (SQLITE_BUSY). Nothing was written; try again later.',
    );
    expect(tried).toBe(false);
    other.exec('COMMIT');
  });

  it('treats a full store (SQLITE_FULL) like a lock: the failed transaction leaves nothing and the write lands when space returns', async () => {
    const db = database('full.db');
    db.exec('CREATE TABLE IF NOT EXISTS blobs (b BLOB)');
    const pages = (db.pragma('page_count', { simple: true }) as number) + 2;
    db.pragma(`max_page_count = ${pages}`);
    const { gate: g } = gate();
    const big = Buffer.alloc(64 * 1024);
    const write = g.write(() => {
      db.transaction(() => {
        db.prepare('INSERT INTO t VALUES (7)').run();
        db.prepare('INSERT INTO blobs VALUES (?)').run(big);
      })();
    });
    await sleep(300);
    expect(g.unavailable?.code).toBe('SQLITE_FULL');
    expect(db.prepare('SELECT COUNT(*) AS n FROM t WHERE v = 7').get()).toEqual({ n: 0 });
    db.pragma('max_page_count = 100000');
    expect(await write).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t WHERE v = 7').get()).toEqual({ n: 1 });
  });

  it('answers false to waiting writes when it is closed (the host is stopping), without running them', async () => {
    const db = database('lock4.db');
    const other = database('lock4.db');
    const { gate: g } = gate();
    other.exec('BEGIN EXCLUSIVE');
    const first = g.write(() => void db.prepare('INSERT INTO t VALUES (1)').run());
    await sleep(50);
    let ran = false;
    const second = g.write(() => void (ran = true));
    g.close();
    expect(await Promise.all([first, second])).toEqual([false, false]);
    expect(ran).toBe(false);
    other.exec('COMMIT');
  });

  it('still stores a write after close when the store takes it at once (results that finish during a shutdown are kept)', async () => {
    const db = database('close.db');
    const { gate: g } = gate();
    g.close();
    expect(await g.write(() => void db.prepare('INSERT INTO t VALUES (5)').run())).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t WHERE v = 5').get()).toEqual({ n: 1 });
  });

  it('writes nothing once shut (the store is closing), answering false', async () => {
    const { gate: g } = gate();
    g.shut();
    let ran = false;
    expect(await g.write(() => void (ran = true))).toBe(false);
    expect(ran).toBe(false);
  });
});
