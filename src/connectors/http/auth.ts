/**
 * Outbound authentication of the Http connector, as Logic Apps defines it:
 *
 * - `None`; `Basic` (`username`, `password`); `Raw` (`value`, sent as the Authorization header);
 * - `ClientCertificate`: `pfx` (base64) + `password`, or Flowline's `pem` + `key` (+ `password`),
 *   presented in the TLS handshake;
 * - `ActiveDirectoryOAuth`: `tenant`, `clientId`, `audience`, `authority`?, and `secret` or a
 *   certificate (`pfx`/`pem` as above; `credentialType` may say which);
 * - `ManagedServiceIdentity`: `audience`, `identity`? (a user-assigned identity's resource id or
 *   client id; the system-assigned identity otherwise).
 *
 * Tokens come from `@azure/identity` for the scope `<audience>/.default` and are sent as
 * `Authorization: Bearer …`. One credential is kept per distinct configuration, so the SDK's token
 * cache answers until shortly before a token expires. The SDK does not retry: the action's retry
 * policy does, and a failure is classified by what the token endpoint answered (408, 429, 5xx or no
 * answer: retryable; anything else: terminal). Secret values never appear in an error.
 */
import { isRetryableStatus } from '../../engine/policy/retry';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
  type TokenCredentialOptions,
} from '@azure/identity';
import { egressDenial, type EgressPolicy } from './egress';
import { RetryableError, TerminalError } from '../errors';
import { type ClientCertificate, openCertificate } from './tls';

export interface AuthOptions {
  /** PEM certificates trusted, besides Node's store, when talking to a token endpoint. */
  readonly ca?: readonly string[];
  /** The longest wait for a token. Default 100 s. */
  readonly timeoutMs?: number;
  /** A custom `authority` must be a host this policy lets the connector reach. */
  readonly egress?: EgressPolicy;
}

/** What the request carries: headers to set and, for ClientCertificate, the certificate for TLS. */
export interface Credentials {
  readonly headers: Record<string, string>;
  readonly clientCertificate?: ClientCertificate;
}

type Auth = Readonly<Record<string, unknown>>;

const TYPES = ['None', 'Basic', 'Raw', 'ClientCertificate', 'ActiveDirectoryOAuth', 'ManagedServiceIdentity'];

/** Microsoft Entra hosts whose metadata MSAL knows; any other authority skips instance discovery. */
const KNOWN_AUTHORITIES = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login-us.microsoftonline.com',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export async function authenticate(auth: Auth | undefined, options: AuthOptions = {}): Promise<Credentials> {
  const type = text(auth?.['type'] ?? 'None');
  const kind = type.toLowerCase();
  if (auth === undefined || kind === 'none') return { headers: {} };
  if (kind === 'basic') {
    const pair = `${text(auth['username'] ?? '')}:${text(auth['password'] ?? '')}`;
    return { headers: { authorization: `Basic ${Buffer.from(pair).toString('base64')}` } };
  }
  if (kind === 'raw') return { headers: { authorization: text(auth['value'] ?? '') } };
  if (kind === 'clientcertificate') return { headers: {}, clientCertificate: certificateOf(auth, type) };
  if (kind === 'activedirectoryoauth' || kind === 'managedserviceidentity') {
    const audience = field(auth, 'audience', type, true);
    const scope = audience.endsWith('/.default') ? audience : `${audience}/.default`;
    const credential =
      kind === 'managedserviceidentity'
        ? managedIdentity(auth, type, options)
        : entraApp(auth, type, options);
    const token = await acquire(credential, scope, options.timeoutMs ?? 100_000, describe(auth, type), auth);
    return { headers: { authorization: `Bearer ${token}` } };
  }
  throw new TerminalError(
    'InvalidRequest',
    `authentication.type: expected one of ${TYPES.join(', ')}, found '${type}'.`,
  );
}

/** A string member of `authentication`, named with what was expected and found (never the value). */
function field(auth: Auth, name: string, type: string, required: true): string;
function field(auth: Auth, name: string, type: string, required?: false): string | undefined;
function field(auth: Auth, name: string, type: string, required = false): string | undefined {
  const value = auth[name];
  if (typeof value === 'string' && value !== '') return value;
  if ((value === undefined || value === null || value === '') && !required) return undefined;
  const found = value === undefined || value === null || value === '' ? 'nothing' : `a ${typeof value}`;
  throw new TerminalError(
    'InvalidRequest',
    `authentication.${name}: expected a non-empty string for ${type}, found ${found}.`,
  );
}

function certificateOf(auth: Auth, type: string): ClientCertificate {
  return openCertificate(
    {
      pfx: field(auth, 'pfx', type),
      password: field(auth, 'password', type),
      pem: field(auth, 'pem', type),
      key: field(auth, 'key', type),
    },
    type,
  );
}

// ---- credentials, one per configuration -------------------------------------------------------

const credentials = new Map<string, TokenCredential>();
const MAX_CREDENTIALS = 64;

function cached(parts: unknown[], create: () => TokenCredential): TokenCredential {
  const key = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
  let credential = credentials.get(key);
  if (credential === undefined) {
    credential = create();
    if (credentials.size >= MAX_CREDENTIALS) credentials.delete(credentials.keys().next().value ?? '');
    credentials.set(key, credential);
  }
  return credential;
}

function sdkOptions(options: AuthOptions): TokenCredentialOptions {
  return {
    httpClient: observingClient,
    retryOptions: { maxRetries: 0 },
    ...(options.ca === undefined || options.ca.length === 0
      ? {}
      : { tlsOptions: { ca: [...rootCertificates, ...options.ca] } }),
  };
}

function entraApp(auth: Auth, type: string, options: AuthOptions): TokenCredential {
  const tenant = field(auth, 'tenant', type, true);
  const clientId = field(auth, 'clientId', type, true);
  const authorityHost = authorityOf(field(auth, 'authority', type), type, options.egress);
  const credentialType = field(auth, 'credentialType', type)?.toLowerCase();
  const hasCertificate = auth['pfx'] !== undefined || auth['pem'] !== undefined;
  const useCertificate = credentialType === 'certificate' || (credentialType === undefined && hasCertificate);
  const certificate = useCertificate ? certificateOf(auth, type) : undefined;
  const secret = useCertificate ? undefined : field(auth, 'secret', type, true);
  const sdk: TokenCredentialOptions & { disableInstanceDiscovery?: boolean } = {
    ...sdkOptions(options),
    ...(authorityHost === undefined
      ? {}
      : {
          authorityHost: authorityHost.origin,
          disableInstanceDiscovery: !KNOWN_AUTHORITIES.includes(authorityHost.hostname),
        }),
  };
  const parts = [type, tenant, clientId, authorityHost?.origin, secret, certificate, options.ca];
  try {
    return cached(parts, () =>
      certificate === undefined
        ? new ClientSecretCredential(tenant, clientId, secret ?? '', sdk)
        : new ClientCertificateCredential(
            tenant,
            clientId,
            { certificate: `${certificate.cert}${certificate.key}` },
            sdk,
          ),
    );
  } catch (error) {
    throw new TerminalError('InvalidRequest', `authentication (${type}): ${scrub(message(error), auth)}`);
  }
}

function managedIdentity(auth: Auth, type: string, options: AuthOptions): TokenCredential {
  const identity = field(auth, 'identity', type);
  // A user-assigned identity is named by its ARM resource id (/subscriptions/…) or its client id.
  const which =
    identity === undefined
      ? {}
      : identity.startsWith('/')
        ? { resourceId: identity }
        : { clientId: identity };
  try {
    return cached(
      [type, identity, options.ca],
      () => new ManagedIdentityCredential({ ...which, ...sdkOptions(options) }),
    );
  } catch (error) {
    throw new TerminalError('InvalidRequest', `authentication (${type}): ${message(error)}`);
  }
}

function authorityOf(
  authority: string | undefined,
  type: string,
  egress: EgressPolicy | undefined,
): URL | undefined {
  if (authority === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(authority);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:') {
    throw new TerminalError(
      'InvalidRequest',
      `authentication.authority: expected an https URL such as https://login.microsoftonline.com for ${type}, found '${authority}'.`,
    );
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const denied = egress === undefined ? undefined : egressDenial(egress, hostname, url.port || '443');
  if (denied !== undefined) {
    throw new TerminalError(
      'EgressDenied',
      `authentication.authority (${type}) was blocked by the egress policy: ${denied}.`,
    );
  }
  return url;
}

// ---- token acquisition and failure classification --------------------------------------------

/** What the token endpoint last did during one `getToken`: answered with a status, or could not be reached. */
interface Observation {
  last?: { readonly status: number } | { readonly network: string };
}

const observations = new AsyncLocalStorage<Observation>();
/** TLS verification failures: the endpoint's certificate is not trusted, and retrying will not change that. */
const UNTRUSTED = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/;
const baseClient = createDefaultHttpClient();
const observingClient: HttpClient = {
  async sendRequest(request) {
    const seen = observations.getStore();
    try {
      const response = await baseClient.sendRequest(request);
      if (seen) seen.last = { status: response.status };
      return response;
    } catch (error) {
      if (seen) seen.last = { network: (error as { code?: string }).code ?? message(error) };
      throw error;
    }
  },
};

async function acquire(
  credential: TokenCredential,
  scope: string,
  timeoutMs: number,
  what: string,
  auth: Auth,
): Promise<string> {
  const seen: Observation = {};
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await observations.run(seen, () =>
      Promise.race([credential.getToken(scope, { abortSignal: AbortSignal.timeout(timeoutMs) }), timeout]),
    );
    if (result === 'timeout')
      throw new RetryableError('AuthenticationFailed', `${what}: no token within ${timeoutMs} ms.`);
    if (result === null)
      throw new RetryableError('AuthenticationFailed', `${what}: the token endpoint gave no token.`);
    return result.token;
  } catch (error) {
    if (error instanceof RetryableError) throw error;
    const detail = scrub(reason(error), auth);
    // An SDK code alone (network_error, endpoints_resolution_error) adds nothing to what was seen.
    const more = /^[a-z_]+$/.test(detail) ? '' : `: ${detail.replace(/\.$/, '')}`;
    const last = seen.last;
    if (last !== undefined && 'network' in last) {
      if (UNTRUSTED.test(last.network))
        throw new TerminalError(
          'AuthenticationFailed',
          `${what}: the token endpoint's TLS certificate is not trusted (${last.network}).`,
        );
      throw new RetryableError(
        'AuthenticationFailed',
        `${what}: the token endpoint could not be reached (${last.network}).`,
      );
    }
    if (last !== undefined) {
      const retry = isRetryableStatus(last.status);
      const Failure = retry ? RetryableError : TerminalError;
      throw new Failure(
        'AuthenticationFailed',
        `${what}: the token endpoint answered ${last.status}${more}.`,
      );
    }
    throw new TerminalError('AuthenticationFailed', `${what}: ${detail}`);
  } finally {
    clearTimeout(timer);
  }
}

function describe(auth: Auth, type: string): string {
  const audience = text(auth['audience']);
  const who =
    type.toLowerCase() === 'managedserviceidentity'
      ? `the ${auth['identity'] === undefined ? 'system-assigned' : `user-assigned identity '${text(auth['identity'])}'`} managed identity`
      : `client '${text(auth['clientId'])}' of tenant '${text(auth['tenant'])}'`;
  return `Could not get a token for audience '${audience}' as ${who} (${type})`;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The useful part of an SDK error: the OAuth error code and its description, without boilerplate. */
function reason(error: unknown): string {
  const full = message(error).replace(/\s+/g, ' ').trim();
  const code = /(?:^|\s)([a-z]+(?:_[a-z]+)+):/.exec(full)?.[1];
  const description = /Description: (.*?)(?: - (?:Correlation ID|Trace ID|Timestamp)|$)/.exec(full)?.[1];
  if (description !== undefined && description !== 'Not Available')
    return `${code === undefined ? '' : `${code}: `}${description}`.trim();
  if (code !== undefined) return code;
  return full.length > 300 ? `${full.slice(0, 300)}…` : full;
}

/** `text` with every secret of `auth` (and its base64 form) masked. */
function scrub(value: string, auth: Auth): string {
  const secrets = ['password', 'secret', 'pfx', 'key', 'value']
    .map((name) => auth[name])
    .filter((v): v is string => typeof v === 'string' && v.length >= 4)
    .flatMap((v) => [v, Buffer.from(v).toString('base64')]);
  return secrets.reduce((acc, secret) => acc.split(secret).join('*****'), value);
}
