/**
 * The HTTP routes of an app: one per `httpTrigger` function, `/{routePrefix}/{route}`, tried in
 * ASP.NET precedence order (literal segments before constrained parameters before plain
 * parameters before catch-alls). A method the trigger does not list makes the route miss.
 */
import type { LoadedFunction } from '../extension';
import { matchTemplate, type RouteValues } from './matchTemplate';
import { parseRouteTemplate, type RouteTemplate } from './routeTemplate';

export interface HttpRoute {
  readonly fn: LoadedFunction;
  readonly template: RouteTemplate;
  /** Upper-cased methods; undefined allows every method. */
  readonly methods: readonly string[] | undefined;
  readonly authLevel: string;
}

export interface RouteMatch {
  readonly route: HttpRoute;
  readonly params: RouteValues;
}

export function isHttpTrigger(fn: LoadedFunction): boolean {
  return fn.triggerType.toLowerCase() === 'httptrigger';
}

/**
 * Like the host, a function whose template and methods collide with an earlier function's is left
 * out and reported through `onConflict` ("The route specified conflicts with ...").
 */
export function buildRouteTable(
  functions: Iterable<LoadedFunction>,
  routePrefix: string,
  onConflict: (message: string) => void = () => undefined,
): HttpRoute[] {
  const routes: HttpRoute[] = [];
  for (const fn of functions) {
    if (!isHttpTrigger(fn)) continue;
    const trigger = fn.bindings[fn.triggerBindingName];
    const route =
      typeof trigger?.['route'] === 'string' && trigger['route'].trim() !== '' ? trigger['route'] : fn.name;
    const prefix = routePrefix.replace(/^\/+|\/+$/g, '');
    const routeText = route.replace(/^~?\/+/, '');
    let template: RouteTemplate;
    try {
      template = parseRouteTemplate(prefix ? `${prefix}/${routeText}` : routeText);
    } catch (error) {
      throw new Error(`Function '${fn.name}' has an invalid route: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const rawMethods = trigger?.['methods'];
    const methods =
      Array.isArray(rawMethods) && rawMethods.length > 0
        ? rawMethods.map((m) => String(m).toUpperCase())
        : undefined;
    const authLevel =
      typeof trigger?.['authLevel'] === 'string' ? trigger['authLevel'].toLowerCase() : 'function';
    const clash = routes.find(
      (r) => sameTemplate(r.template, template) && methodsOverlap(r.methods, methods),
    );
    if (clash) {
      onConflict(
        `Function '${fn.name}' is not routed: The route specified conflicts with the route defined by function '${clash.fn.name}'.`,
      );
      continue;
    }
    routes.push({ fn, template, methods, authLevel });
  }
  return routes.sort(compareRoutes);
}

function compareRoutes(a: HttpRoute, b: HttpRoute): number {
  const length = Math.max(a.template.precedence.length, b.template.precedence.length);
  for (let i = 0; i < length; i += 1) {
    const difference = (a.template.precedence[i] ?? 0) - (b.template.precedence[i] ?? 0);
    if (difference !== 0) return difference;
  }
  const x = a.template.text.toLowerCase();
  const y = b.template.text.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `pathname` is the raw (still percent-encoded) URL path. */
export function matchRoute(
  routes: readonly HttpRoute[],
  method: string,
  pathname: string,
): RouteMatch | undefined {
  const segments = splitPath(pathname);
  const upper = method.toUpperCase();
  for (const route of routes) {
    if (route.methods && !route.methods.includes(upper)) continue;
    const params = matchTemplate(route.template, segments);
    if (params) return { route, params };
  }
  return undefined;
}

export function splitPath(pathname: string): string[] {
  const trimmed = pathname.replace(/^\/+/, '').replace(/\/$/, '');
  if (trimmed === '') return [];
  return trimmed.split('/').map(decodeSegment);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sameTemplate(a: RouteTemplate, b: RouteTemplate): boolean {
  return a.text.toLowerCase() === b.text.toLowerCase();
}

function methodsOverlap(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return !a || !b || a.some((m) => b.includes(m));
}
