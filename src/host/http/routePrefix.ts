/** The HTTP route prefix from host.json. */
/** `extensions.http.routePrefix` in host.json; default `api`, the empty string removes the prefix. */
export function readRoutePrefix(hostJson: Readonly<Record<string, unknown>>): string {
  const extensionsSection = hostJson['extensions'];
  const http =
    extensionsSection && typeof extensionsSection === 'object'
      ? (extensionsSection as Record<string, unknown>)['http']
      : undefined;
  const prefix =
    http && typeof http === 'object' ? (http as Record<string, unknown>)['routePrefix'] : undefined;
  return typeof prefix === 'string' ? prefix.replace(/^\/+|\/+$/g, '') : 'api';
}
