/**
 * API Management policy documents for the workflow API (policy reference:
 * https://learn.microsoft.com/azure/api-management/api-management-policies).
 *
 * API level: CORS, an Entra ID token check, a rate limit per token subject (caller IP as fallback),
 * the Function App as backend with its function key from a Key Vault-backed named value, removal of
 * platform headers from responses, and RFC 9457 problem details for every error APIM raises itself.
 * Operation level: the trigger's `authorization` block as required claims (403 when missing).
 */
import { type ApimOperation, type Authorization, compare, unsatisfiable } from './operations';
import { csharp, problemOnError, problemResponse } from './problems';
import { el, renderXml, type XmlElement } from './xml';

export type TokenPolicy = 'validate-azure-ad-token' | 'validate-jwt';

export interface PolicyOptions {
  /** `validate-azure-ad-token` (default) or the generic `validate-jwt` against Entra's OpenID metadata. */
  readonly tokenPolicy: TokenPolicy;
  /** Client applications allowed to call (validate-azure-ad-token); none: the `entra-client-app-id` named value. */
  readonly clientAppIds: readonly string[];
  /** Allowed browser origins; none: the `cors-origin` named value. */
  readonly corsOrigins: readonly string[];
  /** Calls per renewal period (seconds, at most 300) per token subject. */
  readonly rateLimit: { readonly calls: number; readonly renewalPeriod: number };
}

export const DEFAULT_POLICY_OPTIONS: PolicyOptions = {
  tokenPolicy: 'validate-azure-ad-token',
  clientAppIds: [],
  corsOrigins: [],
  rateLimit: { calls: 100, renewalPeriod: 60 },
};

/**
 * Response headers that describe the platform, not the API: removed on the way out. `Server` stays
 * because APIM cannot remove it; `x-flowline-run-id`, `Location` and `Retry-After` are the API's own.
 */
export const INTERNAL_RESPONSE_HEADERS = ['request-context', 'x-aspnet-version', 'x-powered-by'] as const;
/**
 * Request headers a browser client may send: its token and body type, the `Idempotency-Key` that
 * makes a retried trigger call safe, and the W3C `traceparent` its trace continues with.
 */
export const ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'traceparent'] as const;
/** Response headers a browser client may read. */
export const EXPOSED_HEADERS = ['location', 'retry-after', 'x-flowline-run-id'] as const;

const TOKEN_VARIABLE = 'jwt';
const RETRY_AFTER_VARIABLE = 'retry-after';

export function apiPolicy(operations: readonly ApimOperation[], options: PolicyOptions): string {
  const methods = [...new Set(operations.map((o) => o.method))].sort(compare);
  return renderXml(
    el(
      'policies',
      {},
      el(
        'inbound',
        {},
        cors(methods, options.corsOrigins),
        el('base'),
        tokenCheck(options, {
          status: 401,
          message: 'Unauthorized: a valid Microsoft Entra ID access token is required.',
          outputVariable: TOKEN_VARIABLE,
        }),
        el('rate-limit-by-key', {
          calls: options.rateLimit.calls,
          'renewal-period': options.rateLimit.renewalPeriod,
          'counter-key': `@(context.Variables.GetValueOrDefault<Jwt>("${TOKEN_VARIABLE}", null)?.Subject ?? context.Request.IpAddress)`,
          'retry-after-variable-name': RETRY_AFTER_VARIABLE,
        }),
        // The backend authenticates APIM by function key; the caller's token stops here.
        el('set-header', { name: 'Authorization', 'exists-action': 'delete' }),
        el('set-backend-service', { 'base-url': '{{function-app-url}}' }),
        el(
          'set-header',
          { name: 'x-functions-key', 'exists-action': 'override' },
          el('value', {}, '{{function-key}}'),
        ),
      ),
      el('backend', {}, el('base')),
      el(
        'outbound',
        {},
        el('base'),
        ...INTERNAL_RESPONSE_HEADERS.map((name) => el('set-header', { name, 'exists-action': 'delete' })),
      ),
      el('on-error', {}, el('base'), problemOnError(RETRY_AFTER_VARIABLE)),
    ),
  );
}

/**
 * The operation's required claims; undefined when its trigger requires nothing beyond a valid token.
 * A block with an empty list refuses every call (403), as `flowline start --gateway` does.
 */
export function operationPolicy(operation: ApimOperation, options: PolicyOptions): string | undefined {
  const { authorization } = operation;
  if (authorization === undefined) return undefined;
  const check = unsatisfiable(authorization)
    ? problemResponse(
        403,
        'Forbidden',
        csharp(
          `The authorization block of '${operation.workflow}' has an empty list, which no token can meet.`,
        ),
        [],
      )
    : tokenCheck(options, {
        status: 403,
        message: `Forbidden: the token lacks a role, scope or claim that '${operation.workflow}' requires.`,
        claims: requiredClaims(authorization),
      });
  return renderXml(
    el(
      'policies',
      {},
      el('inbound', {}, el('base'), check),
      el('backend', {}, el('base')),
      el('outbound', {}, el('base')),
      el('on-error', {}, el('base')),
    ),
  );
}

/** roles → `roles` (any), scopes → `scp` (any, space-separated), each claim → any of its values. */
function requiredClaims(authorization: Authorization): XmlElement {
  const claim = (name: string, values: readonly string[], separator?: string): XmlElement =>
    el(
      'claim',
      { name: literal(name), match: 'any', separator },
      ...values.map((v) => el('value', {}, literal(v))),
    );
  return el(
    'required-claims',
    {},
    ...(authorization.roles === undefined ? [] : [claim('roles', authorization.roles)]),
    ...(authorization.scopes === undefined ? [] : [claim('scp', authorization.scopes, ' ')]),
    ...authorization.claims.map(([name, values]) => claim(name, values)),
  );
}

interface Check {
  readonly status: number;
  readonly message: string;
  readonly outputVariable?: string;
  readonly claims?: XmlElement;
}

function tokenCheck(options: PolicyOptions, check: Check): XmlElement {
  const audiences = el('audiences', {}, el('audience', {}, '{{entra-audience}}'));
  const claims = check.claims === undefined ? [] : [check.claims];
  const failure = {
    'failed-validation-httpcode': check.status,
    'failed-validation-error-message': check.message,
    'output-token-variable-name': check.outputVariable,
  };
  if (options.tokenPolicy === 'validate-jwt') {
    const authority = 'https://login.microsoftonline.com/{{entra-tenant-id}}';
    return el(
      'validate-jwt',
      { 'header-name': 'Authorization', ...failure, 'require-scheme': 'Bearer' },
      el('openid-config', { url: `${authority}/v2.0/.well-known/openid-configuration` }),
      audiences,
      el(
        'issuers',
        {},
        el('issuer', {}, `${authority}/v2.0`),
        el('issuer', {}, 'https://sts.windows.net/{{entra-tenant-id}}/'),
      ),
      ...claims,
    );
  }
  const clients =
    options.clientAppIds.length > 0 ? options.clientAppIds.map(literal) : ['{{entra-client-app-id}}'];
  return el(
    'validate-azure-ad-token',
    { 'tenant-id': '{{entra-tenant-id}}', ...failure },
    el('client-application-ids', {}, ...clients.map((id) => el('application-id', {}, id))),
    audiences,
    ...claims,
  );
}

function cors(methods: readonly string[], origins: readonly string[]): XmlElement {
  const allowed = origins.length > 0 ? origins.map(literal) : ['{{cors-origin}}'];
  return el(
    'cors',
    { 'allow-credentials': 'false' },
    el('allowed-origins', {}, ...allowed.map((o) => el('origin', {}, o))),
    ...(methods.length > 0
      ? [
          el(
            'allowed-methods',
            { 'preflight-result-max-age': 300 },
            ...methods.map((m) => el('method', {}, m)),
          ),
        ]
      : []),
    el('allowed-headers', {}, ...ALLOWED_HEADERS.map((h) => el('header', {}, h))),
    el('expose-headers', {}, ...EXPOSED_HEADERS.map((h) => el('header', {}, h))),
  );
}

/**
 * A value written into a policy as given. APIM reads a value starting with `@` as a policy expression
 * and `{{name}}` as a named value, so such values are refused rather than evaluated.
 */
function literal(value: string): string {
  if (value.startsWith('@') || value.includes('{{')) {
    throw new Error(`'${value}' would be read by API Management as an expression or named value.`);
  }
  return value;
}
