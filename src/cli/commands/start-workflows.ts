/** The part of `flowline start`'s banner that lists the workflows served, how to call them, and file errors. */
import { relative } from 'node:path';
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { text } from '../../engine/text';
import { Catalog, workflowsDir } from '../../functions/workflows/catalog';
import { requestRoute } from '../../functions/workflows/request-route';

export async function describeWorkflows(appDir: string, origin: string): Promise<string> {
  const dir = workflowsDir(appDir);
  const entries = await new Catalog(dir).list();
  const shown = relative(process.cwd(), dir) || '.';
  if (entries.length === 0) return `No workflows in ${shown}.\n`;
  const lines = [`Workflows (${shown}):`, ''];
  for (const entry of entries) {
    if (entry.definition === undefined) {
      lines.push(
        `\t${entry.name}: ✗ ${entry.errors.length} error(s), not served; run: flowline validate ${entry.file}`,
        '',
      );
      continue;
    }
    const triggers = isJsonObject(entry.definition.triggers) ? entry.definition.triggers : {};
    for (const [name, trigger] of Object.entries(triggers)) {
      if (isJsonObject(trigger))
        lines.push(`\t${entry.name}: ${describeTrigger(origin, entry.name, name, trigger)}`, '');
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeTrigger(origin: string, workflow: string, name: string, trigger: JsonObject): string {
  const route = requestRoute(workflow, name, trigger);
  return route === undefined
    ? `${text(trigger.type)} trigger '${name}'`
    : `[${route.method}] ${origin}/api${route.path}`;
}
