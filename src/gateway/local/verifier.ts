/**
 * Checks bearer tokens against an OIDC authority: its discovery document (fetched once, retried after
 * a failure) names the expected `iss` and the JWKS URL; `jose.createRemoteJWKSet` caches the keys and
 * fetches them again when a token names an unknown `kid` (at most once per cooldown), which is how a
 * rotated key is picked up. Signature, algorithm allow-list, issuer, audience, `exp`/`nbf` with clock
 * skew and required claims are checked by `jose.jwtVerify`.
 */
import type { JWTPayload, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import { isLoopbackHost } from './config';
import { loadJose } from './jose';

export interface VerifierOptions {
  readonly authority: string;
  readonly audiences: readonly string[];
  readonly algorithms: readonly string[];
  readonly clockSkewSeconds: number;
  readonly requiredClaims: readonly string[];
  readonly maxTokenBytes: number;
  readonly jwksCooldownMs: number;
  readonly jwksMaxAgeMs: number;
}

/** `reason` is for the log only: a short code, never sent to the caller. */
export type Verification =
  | { readonly ok: true; readonly claims: JWTPayload }
  | { readonly ok: false; readonly status: 'invalid' | 'unavailable'; readonly reason: string };

interface Metadata {
  readonly issuer: string;
  readonly keys: JWTVerifyGetKey;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const FETCH_TIMEOUT_MS = 5000;

export class TokenVerifier {
  private metadata: Promise<Metadata> | undefined;

  constructor(private readonly options: VerifierOptions) {}

  async verify(token: string): Promise<Verification> {
    if (Buffer.byteLength(token) > this.options.maxTokenBytes) return invalid('token too large');
    if (!COMPACT_JWS.test(token)) return invalid('not a compact JWS');
    const jose = await loadJose();
    let alg: unknown;
    try {
      alg = jose.decodeProtectedHeader(token).alg;
    } catch {
      return invalid('undecodable header');
    }
    if (typeof alg !== 'string' || !this.options.algorithms.includes(alg)) {
      return invalid(`algorithm ${typeof alg === 'string' ? alg : 'missing'} not allowed`);
    }
    let metadata: Metadata;
    try {
      metadata = await this.discover();
    } catch (error) {
      return { ok: false, status: 'unavailable', reason: `discovery failed: ${describe(error)}` };
    }
    try {
      const { payload } = await jose.jwtVerify(token, metadata.keys, {
        issuer: metadata.issuer,
        audience: [...this.options.audiences],
        algorithms: [...this.options.algorithms],
        clockTolerance: this.options.clockSkewSeconds,
        requiredClaims: ['exp', ...this.options.requiredClaims],
      });
      return { ok: true, claims: payload };
    } catch (error) {
      const code = error instanceof jose.errors.JOSEError ? error.code : undefined;
      const unavailable = code === undefined || code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JWKS_INVALID';
      return { ok: false, status: unavailable ? 'unavailable' : 'invalid', reason: describe(error) };
    }
  }

  private discover(): Promise<Metadata> {
    this.metadata ??= this.fetchMetadata().catch((error: unknown) => {
      this.metadata = undefined;
      throw error;
    });
    return this.metadata;
  }

  private async fetchMetadata(): Promise<Metadata> {
    const url = `${this.options.authority}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (typeof document.issuer !== 'string' || typeof document.jwks_uri !== 'string') {
      throw new Error('discovery document lacks issuer or jwks_uri');
    }
    const jwksUrl = new URL(document.jwks_uri);
    if (
      jwksUrl.protocol !== 'https:' &&
      !(jwksUrl.protocol === 'http:' && isLoopbackHost(jwksUrl.hostname))
    ) {
      throw new Error('jwks_uri must use https');
    }
    const jose = await loadJose();
    const keys = jose.createRemoteJWKSet(jwksUrl, {
      cooldownDuration: this.options.jwksCooldownMs,
      cacheMaxAge: this.options.jwksMaxAgeMs,
      timeoutDuration: FETCH_TIMEOUT_MS,
    });
    return { issuer: document.issuer, keys };
  }
}

function invalid(reason: string): Verification {
  return { ok: false, status: 'invalid', reason };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : error.message;
  }
  return String(error);
}
