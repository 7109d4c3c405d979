/**
 * Where a token may come from: the `Authorization: Bearer` header only. A credential in the URL ends
 * up in logs, browser history and Referer headers, so a request carrying one is refused outright.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import type { Refusal } from './problems';
import type { TokenVerifier } from './verifier';

/** Query parameters that carry credentials (`code` is the Functions key parameter). */
const QUERY_CREDENTIALS = new Set(['access_token', 'token', 'code', 'id_token']);

export function hasCredentialInQuery(url: URL): boolean {
  for (const name of url.searchParams.keys()) if (QUERY_CREDENTIALS.has(name.toLowerCase())) return true;
  return false;
}

export type Presented =
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'bearer'; readonly token: string };

export function presentedToken(headers: IncomingHttpHeaders): Presented {
  const header = headers.authorization;
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^Bearer +([^\s]+)\s*$/i.exec(header);
  return match?.[1] === undefined ? { kind: 'malformed' } : { kind: 'bearer', token: match[1] };
}

/** `why` is for the log: it never reaches the caller. */
export type Authentication =
  { readonly claims: JWTPayload } | { readonly refusal: Refusal; readonly why: string };

export async function authenticate(
  req: IncomingMessage,
  url: URL,
  verifier: TokenVerifier | undefined,
): Promise<Authentication> {
  if (hasCredentialInQuery(url)) return { refusal: 'token-in-query', why: 'credential in the query string' };
  const presented = presentedToken(req.headers);
  if (presented.kind === 'none') return { refusal: 'missing-token', why: 'no bearer token' };
  if (presented.kind === 'malformed') return { refusal: 'invalid-token', why: 'not a Bearer header' };
  if (verifier === undefined) return { refusal: 'issuer-unavailable', why: 'gateway starting' };
  const verified = await verifier.verify(presented.token);
  if (verified.ok) return { claims: verified.claims };
  return {
    refusal: verified.status === 'invalid' ? 'invalid-token' : 'issuer-unavailable',
    why: verified.reason,
  };
}
