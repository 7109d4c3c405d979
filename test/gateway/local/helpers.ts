/**
 * The local gateway in front of the project's own Functions app (dist/, built by `npm test`) on the
 * embedded host, serving the fixture workflows in test/fixtures/gateway/workflows. The development
 * issuer's keys live in a fresh temporary app folder per harness.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { JWTPayload } from 'jose' with { 'resolution-mode': 'import' };
import { DEV_AUDIENCE, readGatewayConfig } from '../../../src/gateway/local/config';
import type { DevIssuer } from '../../../src/gateway/local/devIssuer';
import { type RunningGateway, startGateway } from '../../../src/gateway/local/gateway';
import { type Flowline, PROJECT_ROOT, startFlowline } from '../../workflows/helpers';

export const FIXTURE_WORKFLOWS = resolve(__dirname, '../../fixtures/gateway/workflows');
const RFC9110 = 'https://tools.ietf.org/html/rfc9110#section-';

/** The exact bodies the gateway answers with: fixed texts, nothing from the request or the library. */
export const PROBLEM = {
  missingToken: {
    type: `${RFC9110}15.5.2`,
    title: 'Unauthorized',
    status: 401,
    detail: 'Send a bearer token in the Authorization header.',
  },
  invalidToken: {
    type: `${RFC9110}15.5.2`,
    title: 'Unauthorized',
    status: 401,
    detail: 'The bearer token is not valid.',
  },
  tokenInQuery: {
    type: `${RFC9110}15.5.2`,
    title: 'Unauthorized',
    status: 401,
    detail: 'Send the token in the Authorization header, never in the URL.',
  },
  forbidden: {
    type: `${RFC9110}15.5.4`,
    title: 'Forbidden',
    status: 403,
    detail: 'The token does not grant access to this operation.',
  },
  originNotAllowed: {
    type: `${RFC9110}15.5.4`,
    title: 'Forbidden',
    status: 403,
    detail: 'This origin may not call the API from a browser.',
  },
  unavailable: {
    type: `${RFC9110}15.6.4`,
    title: 'Service Unavailable',
    status: 503,
    detail: 'Tokens cannot be checked right now; try again later.',
  },
} as const;

export interface CallInit {
  readonly token?: string;
  readonly method?: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

export interface Harness {
  readonly flowline: Flowline;
  readonly gateway: RunningGateway;
  readonly origin: string;
  /** Temporary app folder; the development issuer's keys are in `.flowline/dev-issuer` below it. */
  readonly appDir: string;
  /** What the gateway logged. */
  readonly logs: string[];
  readonly issuer: DevIssuer;
  /** A token valid for five minutes, with `claims` added (or replacing the defaults). */
  token(claims?: JWTPayload): Promise<string>;
  call(path: string, init?: CallInit): Promise<Response>;
  /** How many times the host ran a function so far (the gateway must stop refused requests before that). */
  invocations(): number;
  stop(): Promise<void>;
}

/**
 * With FLOWLINE_GATEWAY_AUTHORITY in `settings`, pass the authority's `signer` (tokens are signed
 * by it); otherwise tokens come from the gateway's own development issuer.
 */
export async function startHarness(
  settings: Record<string, string> = {},
  signer?: { readonly issuer: DevIssuer; readonly url: string },
): Promise<Harness> {
  const flowline = await startFlowline({ FLOWLINE_WORKFLOWS_DIR: FIXTURE_WORKFLOWS });
  const appDir = mkdtempSync(join(tmpdir(), 'flowline-gateway-'));
  const logs: string[] = [];
  const config = readGatewayConfig({ FLOWLINE_GATEWAY_JWKS_COOLDOWN_SECONDS: '0', ...settings });
  const gateway = await startGateway({
    upstream: flowline.host,
    appDir: PROJECT_ROOT,
    config,
    port: 0,
    issuerDir: join(appDir, '.flowline', 'dev-issuer'),
    log: (_level, _category, message) => logs.push(message),
  });
  const issuer = signer?.issuer ?? gateway.devIssuer;
  if (issuer === undefined) throw new Error('pass the signer of FLOWLINE_GATEWAY_AUTHORITY');
  const defaults = (): JWTPayload => validClaims(signer?.url ?? gateway.authority, config.audiences[0]);
  return {
    flowline,
    gateway,
    origin: gateway.origin,
    appDir,
    logs,
    issuer,
    token: (claims = {}) => issuer.sign({ ...defaults(), ...claims }),
    call: (path, init = {}) => call(gateway.origin, path, init),
    invocations: () => flowline.logs.filter((line) => line.includes('Executing ')).length,
    async stop() {
      await gateway.stop();
      await flowline.stop();
      rmSync(appDir, { recursive: true, force: true });
    },
  };
}

export function validClaims(issuer: string, audience: string = DEV_AUDIENCE): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer, aud: audience, sub: 'tester', iat: now, nbf: now, exp: now + 300 };
}

export function call(origin: string, path: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  return fetch(`${origin}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

export const invokePath = (workflow: string): string => `/api/workflows/${workflow}/triggers/manual/invoke`;

export function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** A request sent exactly as written (fetch would normalize `..` and similar before sending). */
export function rawCall(
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      `${origin}/`,
      { method: init.method ?? 'GET', path, headers: init.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}
