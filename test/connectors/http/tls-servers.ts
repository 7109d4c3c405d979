/**
 * Real loopback servers for the authentication tests:
 * - an HTTPS backend that asks for a client certificate and answers 200 only to one signed by the test CA;
 * - a Microsoft Entra look-alike token endpoint over HTTPS (OpenID metadata + client-credentials grant,
 *   checking the client secret or verifying the signed client assertion against the app's certificate);
 * - an App Service managed-identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER protocol) over HTTP.
 */
import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TestCertificates } from './certs';
import { reply } from './servers';

export interface Running {
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const bodyOf = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/**
 * 200 `{subject}` for a client certificate signed by the CA; 401 without one; 403 for any other.
 * `/start` answers an accepted certificate with 202 and `Location: /whoami` (the async pattern).
 */
export function startMtlsBackend(certs: TestCertificates): Promise<Running> {
  const server = createHttpsServer(
    { ...certs.server, ca: certs.ca, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const peer = socket.getPeerCertificate();
      if (socket.authorized && req.url === '/start')
        return reply(res, 202, '', { location: '/whoami', 'retry-after': '0' });
      if (socket.authorized) return reply(res, 200, { subject: peer.subject.CN });
      if (peer.subject === undefined) return reply(res, 401, { error: 'client certificate required' });
      return reply(res, 403, { error: String(socket.authorizationError) });
    },
  );
  return listen(server, 'https');
}

export interface TokenServer extends Running {
  /** Every token request: tenant and form fields. */
  readonly tokenRequests: { tenant: string; form: URLSearchParams }[];
  /** Registers an app by its secret or by its certificate (PEM, for checking the signed assertion). */
  register(clientId: string, credential: { secret: string } | { cert: string }): void;
}

/**
 * Token endpoint behaviour by client id: registered apps get `at-<clientId>-<n>`; `busy-app` gets
 * 503 temporarily_unavailable, `throttled-app` a bare 429, `hangup-app` a closed socket, and any other
 * client (or a wrong secret or assertion) 401 invalid_client.
 */
export async function startTokenServer(certs: TestCertificates): Promise<TokenServer> {
  const apps = new Map<string, { secret: string } | { cert: string }>();
  const tokenRequests: { tenant: string; form: URLSearchParams }[] = [];
  let issued = 0;
  const server = createHttpsServer(certs.server, (req, res) => {
    void bodyOf(req).then((text) => {
      const [, tenant = '', ...rest] = (req.url ?? '').split('?')[0]?.split('/') ?? [];
      const path = rest.join('/');
      const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}/${tenant}`;
      if (path === 'v2.0/.well-known/openid-configuration') {
        return reply(res, 200, {
          issuer: `${origin}/v2.0`,
          authorization_endpoint: `${origin}/oauth2/v2.0/authorize`,
          token_endpoint: `${origin}/oauth2/v2.0/token`,
          jwks_uri: `${origin}/discovery/v2.0/keys`,
        });
      }
      if (path !== 'oauth2/v2.0/token') return reply(res, 404, { error: 'not_found' });
      const form = new URLSearchParams(text);
      tokenRequests.push({ tenant, form });
      const clientId = form.get('client_id') ?? '';
      if (clientId === 'hangup-app') return req.socket.destroy();
      if (clientId === 'throttled-app') return reply(res, 429, '');
      if (clientId === 'busy-app')
        return reply(res, 503, { error: 'temporarily_unavailable', error_description: 'AADSTS50196: busy.' });
      const app = apps.get(clientId);
      const ok =
        app !== undefined &&
        ('secret' in app
          ? form.get('client_secret') === app.secret
          : assertionValid(
              form.get('client_assertion') ?? '',
              app.cert,
              clientId,
              `${origin}/oauth2/v2.0/token`,
            ));
      if (!ok) {
        return reply(res, 401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
      }
      issued += 1;
      return reply(res, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        access_token: `at-${clientId}-${issued}`,
      });
    });
  });
  const running = await listen(server, 'https');
  return { ...running, tokenRequests, register: (id, credential) => void apps.set(id, credential) };
}

/** Verifies a client assertion JWT (RS256 or PS256) against the app's certificate and its thumbprint. */
function assertionValid(jwt: string, certPem: string, clientId: string, audience: string): boolean {
  const [head = '', payload = '', signature = ''] = jwt.split('.');
  const json = (part: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  const header = json(head);
  const claims = json(payload);
  const cert = new X509Certificate(certPem);
  const thumbprints = [
    createHash('sha1').update(cert.raw).digest('base64url'),
    createHash('sha256').update(cert.raw).digest('base64url'),
  ];
  const key =
    header['alg'] === 'PS256'
      ? { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
      : cert.publicKey;
  return (
    verify('sha256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url')) &&
    thumbprints.some((t) => t === header['x5t'] || t === header['x5t#S256']) &&
    claims['iss'] === clientId &&
    claims['sub'] === clientId &&
    claims['aud'] === audience &&
    Number(claims['exp']) * 1000 > Date.now()
  );
}

export interface IdentityEndpoint extends Running {
  readonly url: string;
  readonly requests: { query: URLSearchParams; header: string | undefined }[];
}

/**
 * App Service managed identity: GET `<url>?api-version=2019-08-01&resource=…[&client_id|mi_res_id]`
 * with `X-IDENTITY-HEADER`. A resource containing `fail-500`, `fail-400` or `hangup` fails that way;
 * one containing `silent` gets no answer.
 */
export async function startIdentityEndpoint(identityHeader: string): Promise<IdentityEndpoint> {
  const requests: { query: URLSearchParams; header: string | undefined }[] = [];
  const server = createHttpServer((req, res) => {
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const header = req.headers['x-identity-header'];
    requests.push({ query, header: typeof header === 'string' ? header : undefined });
    const resource = query.get('resource') ?? '';
    if (header !== identityHeader) return reply(res, 401, { error: 'missing or wrong X-IDENTITY-HEADER' });
    if (resource.includes('hangup')) return req.socket.destroy();
    if (resource.includes('silent')) return undefined;
    if (resource.includes('fail-500'))
      return reply(res, 500, { statusCode: 500, message: 'MSI is restarting' });
    if (resource.includes('fail-400'))
      return reply(res, 400, { error: 'invalid_resource', error_description: 'no such resource' });
    const who = query.get('client_id') ?? query.get('mi_res_id') ?? 'system';
    return reply(res, 200, {
      access_token: `msi-${who}-${requests.length}`,
      expires_on: String(Math.floor(Date.now() / 1000) + 3600),
      resource,
      token_type: 'Bearer',
    });
  });
  const running = await listen(server, 'http');
  return { ...running, url: `${running.origin}/msi/token`, requests };
}
