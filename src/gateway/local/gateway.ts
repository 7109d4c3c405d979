/**
 * `flowline start --gateway`: a listener in front of the embedded host that applies, on loopback, the
 * checks API Management applies on Azure. The host keeps running on its own loopback port (the app's
 * Durable client calls its webhooks there); clients use the gateway's port. Per request: CORS
 * preflight, the local issuer's documents, credentials-in-URL refusal, token validation, rate limit,
 * authorization, body size limit, then the request is forwarded unchanged.
 */
import { Agent, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { closeServer, listen } from '../../host/http/listen';
import { BodyTooLargeError, readBody } from '../../host/http/readBody';
import type { HttpRoute } from '../../host/http/routeTable';
import type { HostLogger } from '../../host/log';
import { authenticate, hasCredentialInQuery } from './bearer';
import type { GatewayConfig } from './config';
import { corsHeaders, isPreflight, preflightHeaders } from './cors';
import { devIssuerUrl, DevIssuer } from './devIssuer';
import { serveIssuer } from './issuerRoutes';
import { type Access, classify, grants, hasRole, TriggerRequirements } from './policy';
import { contentTooLarge, PROBLEMS, refuse, sendProblem, tooManyRequests } from './problems';
import { forward } from './proxy';
import { RateLimiter } from './rateLimit';
import { TokenVerifier } from './verifier';

export interface GatewayOptions {
  /** The running host: its loopback port and route table. */
  readonly upstream: {
    readonly port: number;
    readonly routes: readonly HttpRoute[];
    readonly routePrefix: string;
  };
  readonly appDir: string;
  readonly config: GatewayConfig;
  /** 0 picks a free port. */
  readonly port: number;
  readonly bindAddress?: string;
  /** Key folder of the local development issuer. Default `<appDir>/.flowline/dev-issuer`. */
  readonly issuerDir?: string;
  readonly log?: HostLogger;
}

export interface RunningGateway {
  readonly port: number;
  readonly origin: string;
  /** The OIDC authority tokens are checked against. */
  readonly authority: string;
  /** The local development issuer, when no authority is configured. */
  readonly devIssuer: DevIssuer | undefined;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config, upstream } = options;
  const log = options.log ?? (() => undefined);
  const devIssuer =
    config.authority === undefined
      ? await DevIssuer.open(options.issuerDir ?? join(options.appDir, '.flowline', 'dev-issuer'))
      : undefined;
  const limiter = config.rateLimit && new RateLimiter(config.rateLimit);
  const requirements = new TriggerRequirements(options.appDir);
  const agent = new Agent({ keepAlive: true });
  /** Known once the port is bound: the local issuer's URL contains it. */
  const issuer: { authority: string; verifier?: TokenVerifier } = { authority: config.authority ?? '' };

  const authorized = async (access: Access, claims: JWTPayload): Promise<boolean> => {
    if (access.kind === 'admin') return hasRole(claims, config.adminRole);
    if (access.kind !== 'trigger') return true;
    return grants(claims, await requirements.of(access.workflow, access.trigger));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://gateway.invalid');
    } catch {
      return refuse(res, 'bad-request', closing(req));
    }
    const note = (status: number, why: string): void =>
      log('information', 'Gateway', `${status} ${method} ${url.pathname}: ${why}`);
    if (isPreflight(req)) {
      const headers = preflightHeaders(config.corsOrigins, req);
      if (headers === undefined) {
        note(403, 'preflight from an origin that is not allowed');
        return refuse(res, 'origin-not-allowed');
      }
      res.writeHead(204, headers);
      res.end();
      return;
    }
    if (devIssuer && serveIssuer(devIssuer, issuer.authority, method, url.pathname, res)) return;
    const cors = corsHeaders(config.corsOrigins, req);
    const access = classify(upstream.routes, upstream.routePrefix, method, url.pathname);
    const checked =
      access.kind === 'open' && !hasCredentialInQuery(url)
        ? { claims: undefined }
        : await authenticate(req, url, issuer.verifier);
    const claims = 'claims' in checked ? checked.claims : undefined;
    const caller = claims === undefined ? undefined : callerOf(claims);
    const admission = limiter?.take(caller ?? `ip:${req.socket.remoteAddress ?? ''}`) ?? { ok: true };
    if (!admission.ok) {
      note(429, `rate limit for ${caller ?? 'client address'}`);
      const retry = String(admission.retryAfterSeconds);
      return sendProblem(res, tooManyRequests(admission.retryAfterSeconds), {
        ...cors,
        ...closing(req),
        'retry-after': retry,
      });
    }
    if ('refusal' in checked) {
      note(PROBLEMS[checked.refusal].status, checked.why);
      return refuse(res, checked.refusal, { ...cors, ...closing(req) });
    }
    if (claims !== undefined && !(await authorized(access, claims))) {
      note(
        403,
        `${caller ?? 'caller'} lacks what ${access.kind === 'trigger' ? 'the trigger' : 'the route'} requires`,
      );
      return refuse(res, 'forbidden', { ...cors, ...closing(req) });
    }
    let body: Buffer;
    try {
      body = await readBody(req, config.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      note(413, 'body over the limit');
      return sendProblem(res, contentTooLarge(config.maxBodyBytes), { ...cors, connection: 'close' });
    }
    await forward({ port: upstream.port, agent }, req, res, body, cors);
  };

  const server = createServer();
  const inFlight = new Set<Promise<void>>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const handled = handle(req, res).catch((error: unknown) => {
      log(
        'error',
        'Gateway',
        `${req.method ?? ''} request failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      refuse(res, 'gateway-failed');
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  const port = await listen(server, options.port, options.bindAddress ?? '127.0.0.1');
  const origin = `http://localhost:${port}`;
  const authority = config.authority ?? devIssuerUrl(origin);
  issuer.authority = authority;
  issuer.verifier = new TokenVerifier({ ...config, authority });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const closed = closeServer(server);
      server.closeIdleConnections();
      // Requests in flight get up to 10 s (as the host gives invocations); the timer must not keep the process alive.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((done) => (timer = setTimeout(done, 10_000))),
      ]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      agent.destroy();
    })());
  return { port, origin, authority, devIssuer, stop };
}

/** The rate-limit key of an authenticated caller: its subject, object id or client id. */
function callerOf(claims: JWTPayload): string | undefined {
  for (const name of ['sub', 'oid', 'azp']) {
    const value = claims[name];
    if (typeof value === 'string' && value !== '') return `${name}:${value}`;
  }
  return undefined;
}

/** A refused request whose body was not read: close the connection rather than drain the body. */
function closing(req: IncomingMessage): Record<string, string> {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  return hasBody ? { connection: 'close' } : {};
}
