/**
 * The workflows an app serves: every `<name>.json` or `<name>/workflow.json` under the workflows
 * folder (app setting `FLOWLINE_WORKFLOWS_DIR`, else `workflows/` in the app root). Files are
 * re-read when they change, so new runs use the new definition; runs already started keep the one
 * pinned in their input. Files are read on every lookup (they are small) and parsed again only
 * when their text changed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Diagnostic } from '../../definition/diagnostic';
import { isWorkflowFileName } from '../../definition/files';
import { loadWorkflow } from '../../definition/loader';
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';

export interface CatalogEntry {
  readonly name: string;
  readonly file: string;
  /** The definition as written; undefined when the file has errors. */
  readonly definition: JsonObject | undefined;
  /** Parameter values: declared defaults overridden by the file's `parameters` values. */
  readonly parameters: JsonObject;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

export class Catalog {
  private readonly cache = new Map<string, { source: string; entry: CatalogEntry }>();

  constructor(readonly dir: string) {}

  /** Every workflow file, sorted by name. */
  async list(): Promise<CatalogEntry[]> {
    const files = workflowFiles(this.dir);
    const entries = await Promise.all(files.map(([name, file]) => this.load(name, file)));
    return entries.sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<CatalogEntry | undefined> {
    const files = workflowFiles(this.dir);
    const match = files.find(([n]) => n.toLowerCase() === name.toLowerCase());
    return match === undefined ? undefined : this.load(match[0], match[1]);
  }

  private async load(name: string, file: string): Promise<CatalogEntry> {
    // Compare contents, not timestamps: an edit within the same clock tick must still be seen.
    const source = await readFile(file, 'utf8');
    const cached = this.cache.get(file);
    if (cached?.source === source) return cached.entry;
    const result = loadWorkflow(source, file);
    const definition =
      result.definition === undefined ? undefined : (result.definition as unknown as JsonObject);
    const entry: CatalogEntry = {
      name,
      file,
      definition: result.errors.length === 0 ? definition : undefined,
      parameters: definition === undefined ? {} : parameterValues(definition, source),
      errors: result.errors,
      warnings: result.warnings,
    };
    this.cache.set(file, { source, entry });
    return entry;
  }
}

/** Declared `defaultValue`s, overridden by `{"parameters": {"p": {"value": ...}}}` next to the definition. */
function parameterValues(definition: JsonObject, source: string): JsonObject {
  const out: JsonObject = {};
  if (isJsonObject(definition.parameters)) {
    for (const [name, declared] of Object.entries(definition.parameters)) {
      if (isJsonObject(declared) && declared.defaultValue !== undefined) out[name] = declared.defaultValue;
    }
  }
  const file = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source) as JsonValue;
  if (isJsonObject(file) && isJsonObject(file.definition) && isJsonObject(file.parameters)) {
    for (const [name, given] of Object.entries(file.parameters)) {
      if (isJsonObject(given) && given.value !== undefined) out[name] = given.value;
    }
  }
  return out;
}

/** `[name, file]` of every workflow file in `dir`; synchronous so registration files can use it at load. */
export function workflowFiles(dir: string): [string, string][] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: [string, string][] = [];
  for (const entry of entries) {
    if (entry.isFile() && isWorkflowFileName(entry.name)) {
      out.push([basename(entry.name, '.json'), join(dir, entry.name)]);
    } else if (entry.isDirectory() && !entry.name.startsWith('.')) {
      const file = join(dir, entry.name, 'workflow.json');
      if (existsSync(file)) out.push([entry.name, file]);
    }
  }
  return out;
}

/** The folder the app serves: `FLOWLINE_WORKFLOWS_DIR`, else `<app root>/workflows`. */
export function workflowsDir(appRoot: string): string {
  const configured = process.env['FLOWLINE_WORKFLOWS_DIR'];
  return configured !== undefined && configured !== ''
    ? resolve(appRoot, configured)
    : join(appRoot, 'workflows');
}
