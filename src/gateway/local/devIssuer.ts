/**
 * The local development issuer: an ES256 key pair kept in `<app>/.flowline/dev-issuer/keys.json`
 * (created on first use, file mode 0600), whose public keys the gateway publishes as a JWKS so the
 * whole token path runs offline. The last key in the file signs; older keys stay published until
 * they are retired. Private key material never leaves this module except to sign.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK, JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { loadJose } from './jose';

export const DEV_ALGORITHM = 'ES256';
/** Where the gateway serves the local issuer, below its origin. */
export const DEV_ISSUER_PATH = '/.flowline/issuer';
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg', 'use'] as const;

export interface PublicJwks {
  readonly keys: readonly Record<string, string>[];
}

export interface MintRequest {
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  /** Seconds. */
  readonly lifetime: number;
  readonly roles?: readonly string[];
  readonly scopes?: readonly string[];
  readonly claims?: Readonly<Record<string, string | readonly string[]>>;
}

export class DevIssuer {
  private constructor(
    readonly dir: string,
    private keys: JWK[],
  ) {}

  /** Loads the key file in `dir`, creating the folder and a first key pair when absent. */
  static async open(dir: string): Promise<DevIssuer> {
    const issuer = new DevIssuer(dir, readKeys(join(dir, 'keys.json')) ?? []);
    if (issuer.keys.length === 0) await issuer.rotate({ retire: true });
    return issuer;
  }

  get file(): string {
    return join(this.dir, 'keys.json');
  }

  /** The key id that signs new tokens. */
  get activeKid(): string {
    return this.keys.at(-1)?.kid ?? '';
  }

  /** Public members of every published key; re-reads the file so keys changed by `flowline token` show. */
  publicJwks(): PublicJwks {
    this.keys = readKeys(this.file) ?? this.keys;
    return {
      keys: this.keys.map((jwk) => {
        const out: Record<string, string> = {};
        for (const member of PUBLIC_MEMBERS) {
          const value = jwk[member];
          if (typeof value === 'string') out[member] = value;
        }
        return out;
      }),
    };
  }

  /** Adds a new signing key; `retire` removes every older key from the published set. */
  async rotate(options: { readonly retire: boolean }): Promise<string> {
    const jose = await loadJose();
    const { privateKey } = await jose.generateKeyPair(DEV_ALGORITHM, { extractable: true });
    const jwk = await jose.exportJWK(privateKey);
    const kid = await jose.calculateJwkThumbprint(jwk);
    const key: JWK = { ...jwk, kid, alg: DEV_ALGORITHM, use: 'sig' };
    this.keys = options.retire ? [key] : [...this.keys, key];
    writeKeys(this.dir, this.file, this.keys);
    return kid;
  }

  /** Signs `payload` exactly as given with the active key (or the key `kid`, while it is kept). */
  async sign(payload: JWTPayload, kid: string = this.activeKid): Promise<string> {
    const jwk = this.keys.find((k) => k.kid === kid);
    if (jwk === undefined) throw new Error(`The development issuer has no key '${kid}'.`);
    const jose = await loadJose();
    const key = await jose.importJWK(jwk, DEV_ALGORITHM);
    return new jose.SignJWT(payload).setProtectedHeader({ alg: DEV_ALGORITHM, kid, typ: 'JWT' }).sign(key);
  }

  /** A token with the usual claims: `iss`, `aud`, `sub`, `iat`, `nbf`, `exp`, `jti`, `roles`, `scp`. */
  mint(request: MintRequest, now: number = Math.floor(Date.now() / 1000)): Promise<string> {
    return this.sign({
      ...request.claims,
      iss: request.issuer,
      aud: request.audience,
      sub: request.subject,
      azp: 'flowline-cli',
      iat: now,
      nbf: now,
      exp: now + request.lifetime,
      jti: randomUUID(),
      ...(request.roles?.length ? { roles: [...request.roles] } : {}),
      ...(request.scopes?.length ? { scp: request.scopes.join(' ') } : {}),
    });
  }
}

/** The issuer URL of the local development issuer served at `origin`. */
export function devIssuerUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}${DEV_ISSUER_PATH}`;
}

function readKeys(file: string): JWK[] | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: unknown };
    return Array.isArray(parsed.keys) ? (parsed.keys as JWK[]) : undefined;
  } catch {
    return undefined;
  }
}

function writeKeys(dir: string, file: string, keys: readonly JWK[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
