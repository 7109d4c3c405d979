/**
 * A Request trigger's Flowline `authorization` block, read once for both places that enforce it:
 * the API Management policies (`apim/`) and the local gateway (`local/`). What a caller's token must
 * carry: any one of `roles`, any one of `scopes`, and for each claim any one of its values. A value
 * of the wrong shape reads as an empty list, which nothing meets, so a bad block fails closed.
 */
import { isJsonObject, type JsonValue } from '../expressions/values';

export interface Authorization {
  /** Any one of these in the `roles` claim; undefined when not declared. */
  readonly roles?: readonly string[];
  /** Any one of these in the space-separated `scp` claim; undefined when not declared. */
  readonly scopes?: readonly string[];
  /** For each claim (sorted by name), any one of its values. */
  readonly claims: readonly (readonly [string, readonly string[]])[];
}

/** The block of a trigger, or undefined when it declares nothing beyond a valid token. */
export function authorizationOf(value: JsonValue | undefined): Authorization | undefined {
  if (!isJsonObject(value)) return undefined;
  const claims = isJsonObject(value.claims)
    ? Object.entries(value.claims)
        .map(([name, values]) => [name, strings(values)] as const)
        .sort(([a], [b]) => compare(a, b))
    : value.claims === undefined
      ? []
      : [['', []] as const];
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

/** The distinct strings of a list of strings, in the order written; anything else is an empty list. */
function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...new Set(value)] : [];
}

/** Ordinal comparison, so the output does not depend on the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
