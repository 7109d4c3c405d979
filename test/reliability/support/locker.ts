/**
 * Another process holding the store's write lock: a child Node process opens the SQLite file with
 * better-sqlite3 and keeps `BEGIN EXCLUSIVE` open until told to let go.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from './hostProcess';

const SCRIPT = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { timeout: 10000 });
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
process.stdin.on('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); process.exit(0); });
`;

export interface Lock {
  release(): Promise<void>;
}

export async function holdExclusiveLock(store: string): Promise<Lock> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SCRIPT, store], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((done, fail) => {
    child.stdout?.once('data', () => done());
    child.once('exit', (code) => fail(new Error(`the lock holder exited with ${code}`)));
  });
  return {
    release: async () => {
      child.stdin?.write('release\n');
      await exited;
    },
  };
}
