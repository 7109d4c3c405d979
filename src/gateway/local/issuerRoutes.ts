/**
 * The local development issuer's two documents, served by the gateway below its own origin:
 * `/.flowline/issuer/.well-known/openid-configuration` (OIDC discovery) and `/.flowline/issuer/jwks`.
 * Both are public by nature: they hold the issuer's URL and its public keys only.
 */
import type { ServerResponse } from 'node:http';
import { DEV_ALGORITHM, DEV_ISSUER_PATH, type DevIssuer } from './devIssuer';

/** Answers the request when `pathname` is one of the issuer's documents; returns whether it did. */
export function serveIssuer(
  issuer: DevIssuer,
  issuerUrl: string,
  method: string,
  pathname: string,
  res: ServerResponse,
): boolean {
  if (!pathname.startsWith(`${DEV_ISSUER_PATH}/`)) return false;
  const document =
    pathname === `${DEV_ISSUER_PATH}/.well-known/openid-configuration`
      ? discovery(issuerUrl)
      : pathname === `${DEV_ISSUER_PATH}/jwks`
        ? issuer.publicJwks()
        : undefined;
  if (document === undefined || (method !== 'GET' && method !== 'HEAD')) return false;
  const body = JSON.stringify(document);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache',
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}

export function discovery(issuerUrl: string): Record<string, unknown> {
  return {
    issuer: issuerUrl,
    jwks_uri: `${issuerUrl}/jwks`,
    response_types_supported: ['token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [DEV_ALGORITHM],
    claims_supported: ['iss', 'aud', 'sub', 'exp', 'nbf', 'iat', 'jti', 'azp', 'roles', 'scp'],
  };
}
