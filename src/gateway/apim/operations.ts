/**
 * The operations API Management serves, one per Request trigger, named as `flowline openapi` names
 * them, with the trigger's Flowline `authorization` block (what the caller's token must carry).
 */
import { isJsonObject } from '../../expressions/values';
import type { CatalogEntry } from '../../functions/workflows/catalog';
import { requestRoute } from '../../functions/workflows/request-route';
import { type Authorization, authorizationOf, compare } from '../authorization';
import { operationId } from '../openapi';

export { type Authorization, compare, unsatisfiable } from '../authorization';

export interface ApimOperation {
  readonly operationId: string;
  readonly workflow: string;
  readonly trigger: string;
  /** Upper case, as the trigger declares it (default POST). */
  readonly method: string;
  /** Undefined when the trigger declares nothing beyond a valid token. */
  readonly authorization?: Authorization;
}

/** Every Request trigger of the valid workflows, sorted by operation id. */
export function apimOperations(entries: readonly CatalogEntry[]): ApimOperation[] {
  const out: ApimOperation[] = [];
  for (const entry of entries) {
    if (entry.definition === undefined) continue;
    const triggers = isJsonObject(entry.definition.triggers) ? entry.definition.triggers : {};
    for (const [name, trigger] of Object.entries(triggers)) {
      if (!isJsonObject(trigger)) continue;
      const route = requestRoute(entry.name, name, trigger);
      if (route === undefined) continue;
      const authorization = authorizationOf(trigger.authorization);
      out.push({
        operationId: operationId(entry.name, name),
        workflow: entry.name,
        trigger: name,
        method: route.method,
        ...(authorization === undefined ? {} : { authorization }),
      });
    }
  }
  return out.sort((a, b) => compare(a.operationId, b.operationId));
}
