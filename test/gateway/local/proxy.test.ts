/** What the gateway forwards, against a recording backend in place of the host (real HTTP on loopback). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../../../src/gateway/local/config';
import { type RunningGateway, startGateway } from '../../../src/gateway/local/gateway';
import { type Backend, startBackend } from '../../workflows/helpers';
import { call, validClaims } from './helpers';

describe('forwarding through the local gateway', () => {
  let backend: Backend;
  let gateway: RunningGateway;
  let dir: string;
  beforeAll(async () => {
    backend = await startBackend(() => ({
      status: 201,
      body: { created: true },
      headers: { 'access-control-allow-origin': '*', 'x-upstream': 'yes' },
    }));
    dir = mkdtempSync(join(tmpdir(), 'flowline-proxy-'));
    gateway = await startGateway({
      upstream: { port: Number(new URL(backend.url).port), routes: [], routePrefix: 'api' },
      appDir: dir,
      config: readGatewayConfig({}),
      port: 0,
    });
  });
  afterAll(async () => {
    await gateway.stop();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const token = (): Promise<string> => {
    if (gateway.devIssuer === undefined) throw new Error('the gateway runs the development issuer');
    return gateway.devIssuer.sign(validClaims(gateway.authority));
  };

  it('forwards method, path, query, body and Host, without the caller token', async () => {
    const response = await call(gateway.origin, '/api/things/7?expand=all', {
      method: 'PUT',
      token: await token(),
      body: '{"a":1}',
      headers: { 'x-custom': 'kept' },
    });
    expect(response.status).toBe(201);
    const [seen] = backend.calls.slice(-1);
    expect(seen).toMatchObject({ method: 'PUT', path: '/api/things/7?expand=all', body: { a: 1 } });
    expect(seen?.headers).toMatchObject({ host: `localhost:${gateway.port}`, 'x-custom': 'kept' });
    expect(seen?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen?.headers['authorization']).toBeUndefined();
  });

  it("passes the backend's answer back without its CORS headers", async () => {
    const response = await call(gateway.origin, '/api/things', { token: await token() });
    expect(await response.json()).toStrictEqual({ created: true });
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 502 with a bare problem when the backend is gone', async () => {
    const gone = await startGateway({
      upstream: { port: 9, routes: [], routePrefix: 'api' },
      appDir: dir,
      config: readGatewayConfig({}),
      port: 0,
      issuerDir: join(dir, 'gone'),
    });
    try {
      const signed = await gone.devIssuer?.sign(validClaims(gone.authority));
      const response = await call(gone.origin, '/api/things', { token: signed ?? '' });
      expect(response.status).toBe(502);
      expect(await response.json()).toStrictEqual({
        type: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
        title: 'Bad Gateway',
        status: 502,
        detail: 'The host did not answer.',
      });
    } finally {
      await gone.stop();
    }
  });
});
