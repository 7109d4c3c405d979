/**
 * Just enough reading of the Bicep in infra/ to check it against the generated artifacts and the
 * code, since no Bicep compiler runs here: declarations by regular expression, and the keys of an
 * object literal by walking its braces (skipping '...' strings).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const INFRA = resolve(ROOT, 'infra');

export const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

/** `param name type [= default]` declarations. */
export function params(bicep: string): { name: string; optional: boolean }[] {
  return [...bicep.matchAll(/^param (\w+) [\w.]+( =)?/gm)].map((m) => ({
    name: m[1]!,
    optional: m[2] !== undefined,
  }));
}

export function outputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]!);
}

/** `module symbol 'path'` declarations. */
export function modules(bicep: string): { symbol: string; path: string }[] {
  return [...bicep.matchAll(/^module (\w+) '([^']+)'/gm)].map((m) => ({ symbol: m[1]!, path: m[2]! }));
}

/** Files loaded at compile time, by function. */
export function loads(bicep: string): { fn: string; path: string }[] {
  return [...bicep.matchAll(/\b(load(?:Text|Json)Content)\('([^']+)'\)/g)].map((m) => ({
    fn: m[1]!,
    path: m[2]!,
  }));
}

/** `<module>.outputs.<name>` (or `<module>!.outputs.<name>`) references. */
export function outputReferences(bicep: string): { symbol: string; output: string }[] {
  return [...bicep.matchAll(/\b(\w+)!?\.outputs\.(\w+)/g)].map((m) => ({ symbol: m[1]!, output: m[2]! }));
}

/** The top-level keys of the object literal that follows `anchor` (e.g. `var x =` or `params:`). */
export function objectKeys(bicep: string, anchor: string, from = 0): string[] {
  const at = bicep.indexOf(anchor, from);
  if (at < 0) throw new Error(`'${anchor}' not found`);
  const open = bicep.indexOf('{', at + anchor.length);
  const keys: string[] = [];
  let depth = 0;
  let entry = '';
  for (let i = open; i < bicep.length; i++) {
    const c = bicep[i]!;
    if (c === "'") {
      const end = bicep.indexOf("'", i + 1);
      entry += bicep.slice(i, end + 1);
      i = end;
      continue;
    }
    if ('{[('.includes(c)) depth++;
    if ('}])'.includes(c)) depth--;
    if (depth === 0) break;
    if (depth === 1 && (c === '\n' || c === ',' || c === '{')) {
      const key = /^'?([\w-]+)'?\s*:/.exec(entry.trim())?.[1];
      if (key !== undefined) keys.push(key);
      entry = '';
    } else if (depth === 1) entry += c;
  }
  const last = /^'?([\w-]+)'?\s*:/.exec(entry.trim())?.[1];
  return last === undefined ? keys : [...keys, last];
}

/** The keys of a module's `params: {...}` in main.bicep. */
export function moduleParams(bicep: string, symbol: string): string[] {
  const at = bicep.search(new RegExp(`^module ${symbol} `, 'm'));
  if (at < 0) throw new Error(`module ${symbol} not found`);
  return objectKeys(bicep, 'params:', at);
}
