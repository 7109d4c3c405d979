/** The gateway's settings, its rate limiter and its claim rules, without a server. */
import { describe, expect, it } from 'vitest';
import { GatewayConfigError, rateLimit, readGatewayConfig } from '../../../src/gateway/local/config';
import { authorizationOf } from '../../../src/gateway/authorization';
import { grants } from '../../../src/gateway/local/policy';
import { RateLimiter } from '../../../src/gateway/local/rateLimit';

describe('gateway settings', () => {
  it('defaults to the local development issuer and conservative limits', () => {
    expect(readGatewayConfig({})).toStrictEqual({
      authority: undefined,
      audiences: ['api://flowline-local'],
      algorithms: ['RS256', 'ES256'],
      clockSkewSeconds: 60,
      requiredClaims: [],
      rateLimit: { limit: 60, windowMs: 60_000 },
      maxBodyBytes: 1_048_576,
      maxTokenBytes: 8192,
      corsOrigins: undefined,
      adminRole: 'Flowline.Admin',
      jwksCooldownMs: 30_000,
      jwksMaxAgeMs: 600_000,
    });
  });

  it.each([
    ['FLOWLINE_GATEWAY_ALGORITHMS', 'none', "'none' is not allowed"],
    ['FLOWLINE_GATEWAY_ALGORITHMS', 'RS256,HS256', "'HS256' is not allowed"],
    ['FLOWLINE_GATEWAY_RATE_LIMIT', '60 per minute', "must look like '60/60s'"],
    ['FLOWLINE_GATEWAY_RATE_LIMIT', '0/60s', "must look like '60/60s'"],
    ['FLOWLINE_GATEWAY_AUTHORITY', 'http://login.example.com/tenant', 'must use https'],
    ['FLOWLINE_GATEWAY_AUTHORITY', 'login.example.com', 'must be an absolute URL'],
    [
      'FLOWLINE_GATEWAY_AUTHORITY',
      'https://login.example.com/tenant',
      'FLOWLINE_GATEWAY_AUDIENCE is required',
    ],
    ['FLOWLINE_GATEWAY_MAX_BODY_BYTES', '1.5', 'must be an integer of at least 1'],
    ['FLOWLINE_GATEWAY_CLOCK_SKEW_SECONDS', '-5', 'must be an integer of at least 0'],
    ['FLOWLINE_GATEWAY_MAX_TOKEN_BYTES', '100', 'must be an integer of at least 256'],
  ])('refuses to start with %s=%s (%s)', (name, value, message) => {
    expect(() => readGatewayConfig({ [name]: value })).toThrow(GatewayConfigError);
    expect(() => readGatewayConfig({ [name]: value })).toThrow(message);
  });

  it.each([
    ['60/60s', { limit: 60, windowMs: 60_000 }],
    ['5/s', { limit: 5, windowMs: 1000 }],
    ['100/1m', { limit: 100, windowMs: 60_000 }],
    ['2/500ms', { limit: 2, windowMs: 500 }],
    ['1000/1h', { limit: 1000, windowMs: 3_600_000 }],
    ['off', undefined],
  ])('reads the rate limit %s', (raw, expected) => {
    expect(rateLimit(raw)).toStrictEqual(expected);
  });

  it('reads comma lists for audiences and CORS origins, lower-casing origins without trailing slashes', () => {
    const config = readGatewayConfig({
      FLOWLINE_GATEWAY_AUTHORITY: 'https://login.microsoftonline.com/contoso/v2.0/',
      FLOWLINE_GATEWAY_AUDIENCE: 'api://orders, 00000000-1111-2222-3333-444444444444',
      FLOWLINE_GATEWAY_CORS_ORIGINS: 'https://App.Contoso.com/, http://localhost:3000',
    });
    expect(config.authority).toBe('https://login.microsoftonline.com/contoso/v2.0');
    expect(config.audiences).toEqual(['api://orders', '00000000-1111-2222-3333-444444444444']);
    expect(config.corsOrigins).toEqual(['https://app.contoso.com', 'http://localhost:3000']);
  });
});

describe('the rate limiter', () => {
  it('admits the limit per window, then says how many seconds are left, then admits again', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    now = 2500;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 8 });
    now = 10_000;
    expect(limiter.take('a')).toEqual({ ok: true });
  });
});

describe('trigger authorization rules', () => {
  const orders = authorizationOf({
    roles: ['Orders.Submit'],
    scopes: ['Orders.Write'],
    claims: { tier: ['gold'] },
  });
  it.each([
    ['everything the block asks for', { roles: ['Orders.Submit'], scp: 'Orders.Write', tier: 'gold' }, true],
    [
      'a claim given as a list that holds the value',
      { roles: ['Orders.Submit'], scp: 'Orders.Write', tier: ['x', 'gold'] },
      true,
    ],
    ['a scope list as an array', { roles: ['Orders.Submit'], scp: ['Orders.Write'], tier: 'gold' }, true],
    ['the role only', { roles: ['Orders.Submit'] }, false],
    [
      'the scope as a substring of another',
      { roles: ['Orders.Submit'], scp: 'Orders.WriteAll', tier: 'gold' },
      false,
    ],
    ['a claim value of another case', { roles: ['Orders.Submit'], scp: 'Orders.Write', tier: 'Gold' }, false],
    [
      'the role inside a string of roles',
      { roles: 'Orders.Submit Orders.Read', scp: 'Orders.Write', tier: 'gold' },
      false,
    ],
  ])('a token with %s is granted: %s', (_name, claims, expected) => {
    expect(grants(claims, orders)).toBe(expected);
  });
});
