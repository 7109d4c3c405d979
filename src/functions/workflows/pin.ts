/**
 * What a run pins when it starts: its own definition and, transitively, those of the workflows it
 * calls through Workflow actions, so a child run also replays the definition of its parent's start.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';
import type { PinnedWorkflow } from '../../engine/run-types';
import type { Catalog, CatalogEntry } from './catalog';

export async function pinCalledWorkflows(
  catalog: Catalog,
  root: CatalogEntry,
  parametersOf: (entry: CatalogEntry) => JsonObject,
): Promise<Record<string, PinnedWorkflow>> {
  const pinned: Record<string, PinnedWorkflow> = {};
  const queue = root.definition ? calledWorkflows(root.definition) : [];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (Object.hasOwn(pinned, name)) continue;
    const entry = await catalog.get(name);
    if (entry?.definition === undefined) continue; // the Workflow action fails with a clear error at run time
    pinned[name] = { definition: entry.definition, parameters: parametersOf(entry) };
    queue.push(...calledWorkflows(entry.definition));
  }
  return pinned;
}

/** Names of the workflows a definition calls (`inputs.host.workflow.id`, last path segment). */
export function calledWorkflows(definition: JsonObject): string[] {
  const names: string[] = [];
  const visit = (value: JsonValue | undefined): void => {
    if (Array.isArray(value)) value.forEach(visit);
    if (!isJsonObject(value)) return;
    if (
      typeof value.type === 'string' &&
      value.type.toLowerCase() === 'workflow' &&
      isJsonObject(value.inputs)
    ) {
      const host = value.inputs.host;
      const id = isJsonObject(host) && isJsonObject(host.workflow) ? host.workflow.id : undefined;
      const name =
        typeof id === 'string'
          ? id
              .split('/')
              .filter((p) => p !== '')
              .at(-1)
          : undefined;
      if (name !== undefined && !name.startsWith('@')) names.push(name);
    }
    Object.values(value).forEach(visit);
  };
  visit(definition.actions);
  return names;
}
