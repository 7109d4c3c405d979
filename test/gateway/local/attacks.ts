/**
 * The attack table of the issue: each row builds a request that must be refused. A row's token would
 * pass but for the one thing the row breaks (roles are always what the `orders` trigger needs).
 */
import { createHmac, createPublicKey } from 'node:crypto';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { loadJose } from '../../../src/gateway/local/jose';
import { base64url, type Harness, invokePath, PROBLEM, validClaims } from './helpers';

export interface Forged {
  readonly path?: string;
  readonly authorization?: string;
}
export type Attack = [name: string, status: number, problem: object, forge: (h: Harness) => Promise<Forged>];

const ALLOWED = { roles: ['Orders.Submit'] };
const seconds = (offset: number): number => Math.floor(Date.now() / 1000) + offset;
const bearer = (token: string): Forged => ({ authorization: `Bearer ${token}` });
const parts = async (h: Harness): Promise<string[]> => (await h.token(ALLOWED)).split('.');

/** A token from the harness issuer with `claims` changed. */
const signed =
  (claims: JWTPayload) =>
  async (h: Harness): Promise<Forged> =>
    bearer(await h.token({ ...ALLOWED, ...claims }));

/** A token signed by a fresh key pair that the issuer never published. */
const foreign =
  (alg: 'ES256' | 'RS256', header: (h: Harness, publicJwk: object) => object) =>
  async (h: Harness): Promise<Forged> => {
    const jose = await loadJose();
    const { privateKey, publicKey } = await jose.generateKeyPair(alg);
    const token = new jose.SignJWT({ ...validClaims(h.gateway.authority), ...ALLOWED });
    token.setProtectedHeader({ alg, ...header(h, await jose.exportJWK(publicKey)) });
    return bearer(await token.sign(privateKey));
  };

const hs256WithPublicKey = (h: Harness): Promise<Forged> => {
  const jwk = h.issuer.publicJwks().keys[0] ?? {};
  const secret = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  const header = base64url({ alg: 'HS256', typ: 'JWT', kid: h.issuer.activeKid });
  const input = `${header}.${base64url({ ...validClaims(h.gateway.authority), ...ALLOWED })}`;
  return Promise.resolve(
    bearer(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`),
  );
};

const swapped =
  (segment: 0 | 1 | 2, value: (h: Harness, original: string[]) => string) =>
  async (h: Harness): Promise<Forged> => {
    const original = await parts(h);
    const token = original.map((part, i) => (i === segment ? value(h, original) : part));
    return bearer(token.join('.'));
  };

const NONE = base64url({ alg: 'none', typ: 'JWT' });
const inQuery =
  (name: string) =>
  async (h: Harness): Promise<Forged> => {
    const token = await h.token(ALLOWED);
    return { path: `${invokePath('orders')}?${name}=${token}`, ...bearer(token) };
  };

export const ATTACKS: Attack[] = [
  ['a request without a token', 401, PROBLEM.missingToken, () => Promise.resolve({})],
  ['a Basic credential', 401, PROBLEM.invalidToken, () => Promise.resolve({ authorization: 'Basic dTpw' })],
  [
    'a token with alg "none" and no signature',
    401,
    PROBLEM.invalidToken,
    async (h) => bearer(`${NONE}.${(await parts(h))[1] ?? ''}.`),
  ],
  ['a token with alg "none" and the signature kept', 401, PROBLEM.invalidToken, swapped(0, () => NONE)],
  ['an HS256 token signed with the public key', 401, PROBLEM.invalidToken, hs256WithPublicKey],
  [
    'a token that expired an hour ago',
    401,
    PROBLEM.invalidToken,
    signed({ nbf: seconds(-7200), exp: seconds(-3600) }),
  ],
  [
    'a token not valid for another hour',
    401,
    PROBLEM.invalidToken,
    signed({ nbf: seconds(3600), exp: seconds(7200) }),
  ],
  ['a token without an expiry', 401, PROBLEM.invalidToken, signed({ exp: undefined })],
  [
    'a token from another issuer',
    401,
    PROBLEM.invalidToken,
    signed({ iss: 'https://login.example.com/x/v2.0' }),
  ],
  ['a token for another audience', 401, PROBLEM.invalidToken, signed({ aud: 'api://someone-else' })],
  [
    'a token whose payload was changed after signing',
    401,
    PROBLEM.invalidToken,
    swapped(1, (h) => base64url({ ...validClaims(h.gateway.authority), roles: ['Flowline.Admin'] })),
  ],
  [
    'a token signed under an unknown kid',
    401,
    PROBLEM.invalidToken,
    foreign('ES256', () => ({ kid: 'unknown-kid' })),
  ],
  [
    "a token signed by another key under the issuer's kid",
    401,
    PROBLEM.invalidToken,
    foreign('ES256', (h) => ({ kid: h.issuer.activeKid })),
  ],
  [
    'an RS256 token carrying its own jwk',
    401,
    PROBLEM.invalidToken,
    foreign('RS256', (_h, jwk) => ({ jwk })),
  ],
  [
    'a token without the role the trigger requires',
    403,
    PROBLEM.forbidden,
    signed({ roles: ['Reports.Read'] }),
  ],
  ['a token also sent as ?access_token=', 401, PROBLEM.tokenInQuery, inQuery('access_token')],
  ['a token also sent as ?code=', 401, PROBLEM.tokenInQuery, inQuery('code')],
  ['a token also sent as ?token=', 401, PROBLEM.tokenInQuery, inQuery('token')],
  ['a token over the size limit', 401, PROBLEM.invalidToken, signed({ padding: 'x'.repeat(9000) })],
  [
    'a token whose header is not base64url',
    401,
    PROBLEM.invalidToken,
    swapped(0, () => 'eyJhbGciOiJFUzI1NiJ9!!'),
  ],
  ['a token whose header is not JSON', 401, PROBLEM.invalidToken, swapped(0, () => base64url('not json'))],
];
