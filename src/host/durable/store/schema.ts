/** Tables of the SQLite durable store. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS instances (
  instance_id TEXT PRIMARY KEY, name TEXT NOT NULL, execution_id TEXT NOT NULL, status TEXT NOT NULL,
  input TEXT, output TEXT, custom_status TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  parent_instance_id TEXT);
CREATE TABLE IF NOT EXISTS history (
  instance_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (instance_id, seq));
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, target TEXT NOT NULL, execution_id TEXT, event TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_target ON messages (target, seq);
CREATE TABLE IF NOT EXISTS timers (
  id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, fire_at TEXT NOT NULL,
  event TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS activities (
  id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, execution_id TEXT NOT NULL, task_id INTEGER NOT NULL,
  name TEXT NOT NULL, input TEXT);
CREATE TABLE IF NOT EXISTS entities (
  entity_id TEXT PRIMARY KEY, exists_flag INTEGER NOT NULL, state TEXT, updated_at TEXT NOT NULL);
`;
