/**
 * WS-Security UsernameToken (OASIS Username Token Profile 1.0) for the SOAP Header.
 * `PasswordText` sends the password as is; `PasswordDigest` sends
 * Base64(SHA-1(nonce bytes + Created + password)) with a fresh 16-byte nonce and the current time,
 * so the password itself never travels and a captured header cannot be replayed once the server's
 * nonce cache and freshness window apply.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface WsSecurity {
  readonly username: string;
  readonly password: string;
  readonly passwordType: 'PasswordText' | 'PasswordDigest';
}

const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const BASE64 =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

/** Base64(SHA-1(nonce + created + password)), the digest the profile defines. */
export function passwordDigest(nonce: Buffer, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]))
    .digest('base64');
}

/** The `wsse:Security` header element; `soap` is the envelope's prefix. */
export function securityHeader(
  ws: WsSecurity,
  version: '1.1' | '1.2',
  now: Date = new Date(),
  nonce: Buffer = randomBytes(16),
): string {
  const created = now.toISOString();
  const password =
    ws.passwordType === 'PasswordDigest' ? passwordDigest(nonce, created, ws.password) : ws.password;
  const digestParts =
    ws.passwordType === 'PasswordDigest'
      ? `<wsse:Nonce EncodingType="${BASE64}">${nonce.toString('base64')}</wsse:Nonce><wsu:Created>${created}</wsu:Created>`
      : '';
  return (
    `<wsse:Security xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}" soap:mustUnderstand="${version === '1.2' ? 'true' : '1'}">` +
    `<wsse:UsernameToken wsu:Id="UsernameToken-1">` +
    `<wsse:Username>${escapeText(ws.username)}</wsse:Username>` +
    `<wsse:Password Type="${PROFILE}#${ws.passwordType}">${escapeText(password)}</wsse:Password>` +
    digestParts +
    `</wsse:UsernameToken></wsse:Security>`
  );
}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
