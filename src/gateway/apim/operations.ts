/**
 * The operations API Management serves, one per Request trigger, named as `flowline openapi` names
 * them, with the trigger's Flowline `authorization` block (what the caller's token must carry).
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { text } from '../../engine/text';
import type { CatalogEntry } from '../../functions/workflows/catalog';
import { operationId } from '../openapi';

/**
 * What a caller's token must carry, as `flowline start --gateway` reads it: any one of `roles`, any
 * one of `scopes`, and for each claim any one of its values. A declared empty list can never be met.
 */
export interface Authorization {
  /** Any one of these in the `roles` claim; undefined when not declared. */
  readonly roles?: readonly string[];
  /** Any one of these in the space-separated `scp` claim; undefined when not declared. */
  readonly scopes?: readonly string[];
  /** For each claim (sorted by name), any one of its values. */
  readonly claims: readonly (readonly [string, readonly string[]])[];
}

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
      if (!isJsonObject(trigger) || text(trigger.type).toLowerCase() !== 'request') continue;
      const inputs = isJsonObject(trigger.inputs) ? trigger.inputs : {};
      const authorization = authorizationOf(trigger.authorization);
      out.push({
        operationId: operationId(entry.name, name),
        workflow: entry.name,
        trigger: name,
        method: (typeof inputs.method === 'string' ? inputs.method : 'POST').toUpperCase(),
        ...(authorization === undefined ? {} : { authorization }),
      });
    }
  }
  return out.sort((a, b) => compare(a.operationId, b.operationId));
}

function authorizationOf(value: JsonValue | undefined): Authorization | undefined {
  if (!isJsonObject(value)) return undefined;
  const claims = isJsonObject(value.claims)
    ? Object.entries(value.claims)
        .map(([name, values]) => [name, strings(values)] as const)
        .sort(([a], [b]) => compare(a, b))
    : [];
  if (value.roles === undefined && value.scopes === undefined && claims.length === 0) return undefined;
  return {
    ...(value.roles === undefined ? {} : { roles: strings(value.roles) }),
    ...(value.scopes === undefined ? {} : { scopes: strings(value.scopes) }),
    claims,
  };
}

/** True when a declared list is empty: no token can meet the block, so every call is refused. */
export function unsatisfiable(authorization: Authorization): boolean {
  const lists = [authorization.roles, authorization.scopes, ...authorization.claims.map(([, v]) => v)];
  return lists.some((list) => list !== undefined && list.length === 0);
}

/** The distinct strings of an array, in the order written. */
function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];
}

/** Ordinal comparison, so the output does not depend on the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
