/** Expands `flowline validate` arguments (files or folders) into workflow JSON files. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Every `*.json` under the given paths (folders recursively, sorted); files are taken as given. */
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
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) out.push(path);
  }
  return out;
}
