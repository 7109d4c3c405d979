/**
 * Egress defaults, live: metadata and identity endpoints are refused before any connection, and the
 * FLOWLINE_EGRESS_* settings are read from process.env at call time unless `options.egress` is given.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { executeHttp, type HttpOutcome } from '../../../src/connectors/http/index';
import { type Backend, reply, startBackend } from './servers';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend();
  backend.on('/msi/token', (_req, res) => reply(res, 200, { access_token: 'stolen' }));
});
afterAll(() => backend.close());
beforeEach(() => {
  for (const name of [
    'FLOWLINE_EGRESS_ALLOW',
    'FLOWLINE_EGRESS_DENY',
    'FLOWLINE_EGRESS_ALLOW_METADATA',
    'IDENTITY_ENDPOINT',
    'MSI_ENDPOINT',
  ]) {
    vi.stubEnv(name, undefined);
  }
});
afterEach(() => vi.unstubAllEnvs());

/** No options: the policy comes from the environment, as in the deployed activity. */
const get = (uri: string): Promise<HttpOutcome> => executeHttp({ method: 'GET', uri, timeoutMs: 300 });

const denied = (reason: RegExp): object => ({
  ok: false,
  retryable: false,
  error: { code: 'EgressDenied', message: expect.stringMatching(reason) as string },
});

describe('egress defaults', () => {
  it('reaches loopback when no FLOWLINE_EGRESS_* setting is present', async () => {
    expect(await get(`${backend.origin}/msi/token`)).toMatchObject({ ok: true });
  });

  it.each([
    'http://169.254.169.254/metadata/instance?api-version=2021-02-01',
    'http://169.254.170.2/v2/credentials',
    'http://100.100.100.200/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://METADATA.Azure.Internal/',
    'https://169.254.169.254/',
    'http://169.254.169.254:8080/',
    'http://2852039166/',
    'http://0xa9.0xfe.0xa9.0xfe/',
    'http://[::ffff:169.254.169.254]/latest/meta-data/',
    'http://[::ffff:a9fe:a9fe]/',
  ])('refuses the cloud metadata endpoint %s without connecting', async (uri) => {
    expect(await get(uri)).toMatchObject(denied(/cloud metadata endpoint/));
  });

  it.each(['IDENTITY_ENDPOINT', 'MSI_ENDPOINT'])(
    "refuses the platform's identity endpoint named by %s without connecting",
    async (name) => {
      vi.stubEnv(name, `${backend.origin}/msi/token`);
      const before = backend.requests.length;
      expect(await get(`${backend.origin}/msi/token?resource=https://vault.azure.net`)).toMatchObject(
        denied(/identity endpoint/),
      );
      expect(backend.requests.length).toBe(before);
    },
  );

  it('reaches the identity endpoint when FLOWLINE_EGRESS_ALLOW_METADATA=true', async () => {
    vi.stubEnv('IDENTITY_ENDPOINT', `${backend.origin}/msi/token`);
    vi.stubEnv('FLOWLINE_EGRESS_ALLOW_METADATA', 'true');
    const before = backend.requests.length;
    expect(await get(`${backend.origin}/msi/token`)).toMatchObject({
      ok: true,
      outputs: { statusCode: 200 },
    });
    expect(backend.requests.length).toBe(before + 1);
  });

  it('reads the environment at call time, not at import', async () => {
    vi.stubEnv('FLOWLINE_EGRESS_DENY', '127.0.0.0/8');
    const before = backend.requests.length;
    expect(await get(`${backend.origin}/msi/token`)).toMatchObject(denied(/deny rule '127\.0\.0\.0\/8'/));
    vi.stubEnv('FLOWLINE_EGRESS_DENY', '');
    expect(await get(`${backend.origin}/msi/token`)).toMatchObject({ ok: true });
    expect(backend.requests.length).toBe(before + 1);
  });

  it('uses options.egress instead of the environment when it is given', async () => {
    vi.stubEnv('FLOWLINE_EGRESS_DENY', '127.0.0.0/8');
    const outcome = await executeHttp(
      { method: 'GET', uri: `${backend.origin}/msi/token` },
      { egress: { deny: [], blockMetadata: true } },
    );
    expect(outcome).toMatchObject({ ok: true });
  });
});
