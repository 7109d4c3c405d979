/**
 * Hot reload for `flowline start`: watches the workflows folder and checks every workflow file that
 * changes. New runs already read the file as it is (the catalog re-reads on each call and runs pin
 * their definition), so this only reports: the file is live, or its errors, without stopping the
 * host. Schedules (Recurrence and polling triggers) are registered at start: changing one needs a restart.
 */
import { existsSync, type FSWatcher, readdirSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isWorkflowFileName } from '../../definition/files';
import { formatDiagnostic } from '../../definition/format';
import { loadWorkflow } from '../../definition/loader';

const SETTLE_MS = 150;

export function watchWorkflows(dir: string, print: (line: string) => void): () => void {
  const pending = new Map<string, NodeJS.Timeout>();
  const last = new Map<string, string>();
  const onEvent = (folder: string, name: string | null): void => {
    if (name === null) return;
    const file = join(folder, name);
    const isFolderWorkflow = folder !== dir && name === 'workflow.json';
    if (!isFolderWorkflow && (folder !== dir || !isWorkflowFileName(name))) return;
    clearTimeout(pending.get(file));
    pending.set(
      file,
      setTimeout(() => {
        pending.delete(file);
        void check(file, last, print);
      }, SETTLE_MS),
    );
  };
  // One plain watcher per folder: recursive watching on Linux is set up asynchronously and misses
  // the first events. `<name>/workflow.json` folders created after start need a restart.
  const folders = [dir, ...subfolders(dir)];
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      const watcher = watch(folder, (_event, name) => onEvent(folder, name));
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    } catch (error) {
      print(`! not watching ${relative(process.cwd(), folder)} for changes: ${(error as Error).message}`);
    }
  }
  return () => {
    for (const timer of pending.values()) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

async function check(file: string, last: Map<string, string>, print: (line: string) => void): Promise<void> {
  const shown = relative(process.cwd(), file);
  if (!existsSync(file)) {
    print(`- ${shown} removed: its triggers answer 404 from now on.`);
    last.delete(file);
    return;
  }
  const source = await readFile(file, 'utf8');
  if (last.get(file) === source) return;
  last.set(file, source);
  const result = loadWorkflow(source, shown);
  if (result.errors.length > 0) {
    print(`✗ ${shown} has ${result.errors.length} error(s); calls to it answer 500 until it is fixed:`);
    for (const error of result.errors) print(`  ${formatDiagnostic(error)}`);
    return;
  }
  const scheduled = /"type"\s*:\s*"(recurrence|http)"/i.test(source);
  print(
    `✓ ${shown} reloaded: new runs use it; runs in flight keep their definition.${scheduled ? ' Schedule changes apply after a restart.' : ''}`,
  );
}
