import type { HttpResponseInit } from '@azure/functions';
import { suggest } from '../../expressions/suggest';
import type { JsonObject } from '../../expressions/values';
import type { CatalogEntry } from '../workflows/catalog';
import { problem } from './problem';
import { catalog } from './shared';

export type FoundWorkflow =
  | { readonly ok: true; readonly entry: CatalogEntry; readonly definition: JsonObject }
  | { readonly ok: false; readonly response: HttpResponseInit };

/** The named workflow, or a 404 with a suggestion, or a 500 listing the file's errors. */
export async function findWorkflow(name: string): Promise<FoundWorkflow> {
  const entry = await catalog().get(name);
  if (entry === undefined) {
    const names = (await catalog().list()).map((e) => e.name);
    const close = suggest(name, names);
    return {
      ok: false,
      response: problem(
        404,
        'Workflow not found',
        `There is no workflow '${name}'.${close ? ` Did you mean '${close}'?` : ''}`,
        { workflows: names },
      ),
    };
  }
  if (entry.definition === undefined) {
    return {
      ok: false,
      response: problem(
        500,
        'Workflow is invalid',
        `The workflow file '${entry.file}' has ${entry.errors.length} error(s) and cannot run.`,
        {
          errors: entry.errors.map((e) => ({
            pointer: e.pointer,
            line: e.line,
            message: e.message,
            hint: e.hint,
          })),
        },
      ),
    };
  }
  return { ok: true, entry, definition: entry.definition };
}
