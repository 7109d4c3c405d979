/**
 * Who may call what through the gateway. Requests are classified with the host's own route table
 * (the same matcher the host dispatches with, so the gateway and the host cannot disagree about
 * which function, workflow or trigger a URL names):
 *
 * - `open`: the health probe.
 * - `trigger`: a workflow trigger call; a valid token, plus the trigger's `authorization` block.
 * - `admin`: the rest of the workflow API (runs, cancel, resubmit, events, listing), the Durable
 *   runtime webhooks and the host admin API; a valid token with the admin role.
 * - `authenticated`: anything else; a valid token.
 */
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { type HttpRoute, matchRoute, splitPath } from '../../host/http/routeTable';
import { isJsonObject } from '../../expressions/values';
import { type Authorization, authorizationOf } from '../authorization';
import { Catalog, workflowsDir } from '../../functions/workflows/catalog';

export type Access =
  | { readonly kind: 'open' | 'authenticated' | 'admin' }
  | { readonly kind: 'trigger'; readonly workflow: string; readonly trigger: string };

const HOST_PATHS = ['/runtime', '/admin'];

export function classify(
  routes: readonly HttpRoute[],
  routePrefix: string,
  method: string,
  pathname: string,
): Access {
  const lower = pathname.toLowerCase();
  if (HOST_PATHS.some((p) => lower === p || lower.startsWith(`${p}/`))) return { kind: 'admin' };
  const prefix = routePrefix.replace(/^\/+|\/+$/g, '').toLowerCase();
  const workflowApi = prefix === '' ? 'workflows' : `${prefix}/workflows`;
  const match = matchRoute(routes, method, pathname);
  if (match === undefined) {
    const path = splitPath(pathname).join('/').toLowerCase();
    return path === workflowApi || path.startsWith(`${workflowApi}/`)
      ? { kind: 'admin' }
      : { kind: 'authenticated' };
  }
  const { route, params } = match;
  if (route.fn.name === 'health') return { kind: 'open' };
  if (route.fn.name === 'workflow-invoke') {
    return { kind: 'trigger', workflow: params['name'] ?? '', trigger: params['trigger'] ?? '' };
  }
  const template = route.template.text.toLowerCase();
  return template === workflowApi || template.startsWith(`${workflowApi}/`)
    ? { kind: 'admin' }
    : { kind: 'authenticated' };
}

/** The `authorization` block of a Request trigger, looked up the way the workflow API finds it. */
export class TriggerRequirements {
  private catalog: Catalog | undefined;

  constructor(private readonly appDir: string) {}

  async of(workflow: string, trigger: string): Promise<Authorization | undefined> {
    const dir = workflowsDir(this.appDir);
    if (this.catalog?.dir !== dir) this.catalog = new Catalog(dir);
    const definition = (await this.catalog.get(workflow))?.definition;
    const triggers = isJsonObject(definition?.triggers) ? definition.triggers : {};
    const name = Object.keys(triggers).find((n) => n.toLowerCase() === trigger.toLowerCase());
    const found = name === undefined ? undefined : triggers[name];
    return isJsonObject(found) ? authorizationOf(found.authorization) : undefined;
  }
}

/**
 * Any one of `roles` (the `roles` claim), any one of `scopes` (the space-separated `scp` claim), and
 * for each entry of `claims` one of its values. An empty list can never be met.
 */
export function grants(claims: JWTPayload, requirement: Authorization | undefined): boolean {
  if (requirement === undefined) return true;
  if (requirement.roles && !anyOf(values(claims['roles']), requirement.roles)) return false;
  if (requirement.scopes && !anyOf(scopes(claims['scp']), requirement.scopes)) return false;
  for (const [name, wanted] of requirement.claims) {
    if (!anyOf(values(claims[name]), wanted)) return false;
  }
  return true;
}

export function hasRole(claims: JWTPayload, role: string): boolean {
  return values(claims['roles']).includes(role);
}

function anyOf(present: readonly string[], wanted: readonly string[]): boolean {
  return wanted.some((w) => present.includes(w));
}

function values(claim: unknown): string[] {
  const list = Array.isArray(claim) ? (claim as unknown[]) : [claim];
  return list.flatMap((v) =>
    typeof v === 'string' ? [v] : typeof v === 'number' || typeof v === 'boolean' ? [String(v)] : [],
  );
}

function scopes(claim: unknown): string[] {
  return typeof claim === 'string' ? claim.split(' ').filter(Boolean) : values(claim);
}
