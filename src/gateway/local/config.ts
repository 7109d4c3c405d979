/**
 * The local gateway's settings, read from app settings (`local.settings.json` `Values` are already in
 * the environment when the host has started) with safe defaults. Every value is checked at start so a
 * typo fails loudly instead of weakening a check. docs/security.md documents each one.
 */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export interface GatewayConfig {
  /** OIDC issuer URL; undefined means the local development issuer served by the gateway itself. */
  readonly authority: string | undefined;
  readonly audiences: readonly string[];
  readonly algorithms: readonly string[];
  readonly clockSkewSeconds: number;
  /** Claims every token must carry, in addition to `iss`, `aud` and `exp`. */
  readonly requiredClaims: readonly string[];
  /** Undefined when turned off (`off`). */
  readonly rateLimit: RateLimit | undefined;
  readonly maxBodyBytes: number;
  readonly maxTokenBytes: number;
  /** Undefined: no cross-origin access (preflights are refused). */
  readonly corsOrigins: readonly string[] | '*' | undefined;
  readonly adminRole: string;
  readonly jwksCooldownMs: number;
  readonly jwksMaxAgeMs: number;
}

export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}

/** The audience of tokens from the local development issuer (and of `flowline token`). */
export const DEV_AUDIENCE = 'api://flowline-local';
export const DEFAULT_ALGORITHMS = ['RS256', 'ES256'] as const;
const ASYMMETRIC = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
]);
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

type Env = Readonly<Record<string, string | undefined>>;

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const authority = optional(env, 'FLOWLINE_GATEWAY_AUTHORITY');
  if (authority !== undefined) checkAuthority(authority);
  const audiences = list(optional(env, 'FLOWLINE_GATEWAY_AUDIENCE'));
  if (authority !== undefined && audiences.length === 0) {
    throw new GatewayConfigError(
      'FLOWLINE_GATEWAY_AUDIENCE is required when FLOWLINE_GATEWAY_AUTHORITY is set.',
    );
  }
  const algorithms = list(optional(env, 'FLOWLINE_GATEWAY_ALGORITHMS') ?? DEFAULT_ALGORITHMS.join(','));
  for (const alg of algorithms) {
    if (!ASYMMETRIC.has(alg)) {
      throw new GatewayConfigError(
        `FLOWLINE_GATEWAY_ALGORITHMS: '${alg}' is not allowed; use asymmetric algorithms (${[...ASYMMETRIC].join(', ')}).`,
      );
    }
  }
  if (algorithms.length === 0) throw new GatewayConfigError('FLOWLINE_GATEWAY_ALGORITHMS is empty.');
  const cors = optional(env, 'FLOWLINE_GATEWAY_CORS_ORIGINS');
  const origins = list(cors).map(normalizeOrigin);
  return {
    authority: authority?.replace(/\/+$/, ''),
    audiences: audiences.length > 0 ? audiences : [DEV_AUDIENCE],
    algorithms,
    clockSkewSeconds: integer(env, 'FLOWLINE_GATEWAY_CLOCK_SKEW_SECONDS', 60, 0),
    requiredClaims: list(optional(env, 'FLOWLINE_GATEWAY_REQUIRED_CLAIMS')),
    rateLimit: rateLimit(optional(env, 'FLOWLINE_GATEWAY_RATE_LIMIT') ?? '60/60s'),
    maxBodyBytes: integer(env, 'FLOWLINE_GATEWAY_MAX_BODY_BYTES', 1024 * 1024, 1),
    maxTokenBytes: integer(env, 'FLOWLINE_GATEWAY_MAX_TOKEN_BYTES', 8192, 256),
    corsOrigins: cors === undefined ? undefined : origins.includes('*') ? '*' : origins,
    adminRole: optional(env, 'FLOWLINE_GATEWAY_ADMIN_ROLE') ?? 'Flowline.Admin',
    jwksCooldownMs: integer(env, 'FLOWLINE_GATEWAY_JWKS_COOLDOWN_SECONDS', 30, 0) * 1000,
    jwksMaxAgeMs: integer(env, 'FLOWLINE_GATEWAY_JWKS_MAX_AGE_SECONDS', 600, 1) * 1000,
  };
}

/** `60/60s`, `100/1m`, `5/s`; `off` turns limiting off. */
export function rateLimit(raw: string): RateLimit | undefined {
  if (raw.trim().toLowerCase() === 'off') return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d*)\s*(ms|s|m|h)\s*$/.exec(raw);
  const limit = Number(match?.[1]);
  const windowMs = Number(match?.[2] || '1') * (UNITS[match?.[3] ?? ''] ?? NaN);
  if (!match || !(limit > 0) || !(windowMs > 0)) {
    throw new GatewayConfigError(
      `FLOWLINE_GATEWAY_RATE_LIMIT must look like '60/60s' (requests per window, units ms|s|m|h) or 'off', got '${raw}'.`,
    );
  }
  return { limit, windowMs };
}

/** `scheme://host[:port]`, lower-cased, without a trailing slash. */
export function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

export function isLoopbackHost(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname.toLowerCase());
}

function checkAuthority(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new GatewayConfigError(`FLOWLINE_GATEWAY_AUTHORITY must be an absolute URL, got '${raw}'.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new GatewayConfigError(
      `FLOWLINE_GATEWAY_AUTHORITY must use https (plain http only on loopback), got '${raw}'.`,
    );
  }
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function integer(env: Env, name: string, fallback: number, min: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new GatewayConfigError(`${name} must be an integer of at least ${min}, got '${raw}'.`);
  }
  return value;
}
