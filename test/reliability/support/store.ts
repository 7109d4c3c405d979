/** Reads the host's SQLite store directly, after the host is gone, to check what it holds. */
import Database from 'better-sqlite3';

export interface StoreSnapshot {
  /** Instance id to runtime status, for the workflow runs (orchestration `flowline-run`). */
  readonly runs: Map<string, string>;
  readonly integrity: string;
}

export function readStore(path: string): StoreSnapshot {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT instance_id, status FROM instances WHERE name = 'flowline-run'")
      .all() as { instance_id: string; status: string }[];
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    return { runs: new Map(rows.map((r) => [r.instance_id, r.status])), integrity };
  } finally {
    db.close();
  }
}
