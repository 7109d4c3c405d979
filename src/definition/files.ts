/** Expands `flowline validate` arguments (files or folders) into workflow JSON files. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** JSON files that sit next to workflows in a Logic Apps Standard app but are not workflows. */
export const NOT_WORKFLOWS: ReadonlySet<string> = new Set([
  'host.json',
  'connections.json',
  'parameters.json',
  'package.json',
  'local.settings.json',
]);

/** True for a file name a folder scan treats as a workflow (`*.json`, not a test file, not app configuration). */
export function isWorkflowFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.json') && !lower.endsWith('.test.json') && !NOT_WORKFLOWS.has(lower);
}

/** Every workflow file under the given paths (folders recursively, sorted); files are taken as given. */
export async function workflowFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      out.push(...(await walk(path)));
    else if (entry.isFile() && isWorkflowFileName(entry.name)) out.push(path);
  }
  return out;
}
