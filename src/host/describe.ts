/**
 * The start banner, shaped like `func start`:
 *
 *     Functions:
 *
 *         HttpStart: [GET,POST] http://localhost:7071/api/orchestrators/{functionName}
 *
 *         Hello: activityTrigger
 */
import type { LoadedFunction } from './extension';
import type { HttpRoute } from './http/routeTable';
import type { KeyFile } from './http/keys';

/** The keys the banner shows (a {@link KeyStore} fits). */
export interface BannerKeys {
  readonly keys: Pick<KeyFile, 'masterKey' | 'functionKeys'>;
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function describeFunctions(
  functions: Iterable<LoadedFunction>,
  routes: readonly HttpRoute[],
  origin: string,
  keys: BannerKeys | undefined,
): string {
  const byName = (a: LoadedFunction, b: LoadedFunction): number => a.name.localeCompare(b.name);
  const all = [...functions].sort(byName);
  const lines: string[] = [];
  for (const fn of all) {
    const route = routes.find((r) => r.fn === fn);
    if (route) {
      const key = keys && route.authLevel !== 'anonymous' ? keyFor(keys, route) : undefined;
      const url = `${origin}/${route.template.text}${key ? `?code=${key}` : ''}`;
      lines.push(`\t${fn.name}: [${(route.methods ?? ALL_METHODS).join(',')}] ${url}`);
    }
  }
  for (const fn of all) {
    if (!routes.some((r) => r.fn === fn)) lines.push(`\t${fn.name}: ${fn.triggerType}`);
  }
  if (lines.length === 0) return 'No job functions found.\n';
  return `Functions:\n\n${lines.join('\n\n')}\n`;
}

function keyFor(keys: BannerKeys, route: HttpRoute): string | undefined {
  return route.authLevel === 'admin'
    ? keys.keys.masterKey
    : keys.keys.functionKeys[route.fn.name]?.['default'];
}
