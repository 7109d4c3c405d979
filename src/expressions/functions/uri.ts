/**
 * URI parts, parsed with the WHATWG `URL` global and reported the way .NET's `System.Uri` does
 * (which is what Logic Apps uses): the port falls back to the scheme's default (443 for https),
 * an empty path is `/`, and the query keeps its leading `?`.
 */
import type { Call } from '../ast';
import type { JsonValue } from '../values';
import { argString, invalidArgument } from './args';
import type { FunctionDef } from './types';

/** Default ports as .NET's `Uri.Port` reports them when the URI names none. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
  ftp: 21,
  sftp: 22,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  mailto: 25,
  gopher: 70,
  nntp: 119,
  news: 119,
  ldap: 389,
  ldaps: 636,
};

function argUri(call: Call, args: readonly JsonValue[]): URL {
  const text = argString(call, args, 0);
  if (!URL.canParse(text))
    invalidArgument(
      call,
      0,
      `'${text}' is not an absolute URI. Write the scheme and host, for example 'https://contoso.com/path?query'.`,
    );
  return new URL(text);
}

function uriFunction(name: string, summary: string, read: (url: URL) => JsonValue): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    category: 'uri',
    summary,
    evaluate: (args, _ctx, call) => read(argUri(call, args)),
  };
}

const scheme = (url: URL): string => url.protocol.replace(/:$/, '');
const path = (url: URL): string => (url.pathname === '' ? '/' : url.pathname);

export const uriFunctions: readonly FunctionDef[] = [
  uriFunction('uriHost', 'Returns the host of a URI.', (url) => url.hostname),
  uriFunction('uriPath', 'Returns the path of a URI ("/" when it has none).', path),
  uriFunction('uriPathAndQuery', 'Returns the path and query of a URI.', (url) => path(url) + url.search),
  uriFunction('uriPort', "Returns the port of a URI, or the scheme's default port.", (url) =>
    url.port !== '' ? Number(url.port) : (DEFAULT_PORTS[scheme(url)] ?? -1),
  ),
  uriFunction('uriQuery', 'Returns the query of a URI, with its leading "?".', (url) => url.search),
  uriFunction('uriScheme', 'Returns the scheme of a URI.', scheme),
];
