/** `flowline token`: tokens from the local development issuer that the gateway accepts, and its errors. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenCommand } from '../../../src/cli/commands/token';
import { loadJose } from '../../../src/gateway/local/jose';
import { type Harness, invokePath, startHarness } from './helpers';

async function flowlineToken(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await tokenCommand.run(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('flowline token', () => {
  let h: Harness;
  let app = '';
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());
  afterEach(() => app && rmSync(app, { recursive: true, force: true }));
  const freshApp = (settings?: object): string => {
    app = mkdtempSync(join(tmpdir(), 'flowline-token-'));
    if (settings) writeFileSync(join(app, 'local.settings.json'), JSON.stringify(settings));
    return app;
  };

  it('prints one token that the running gateway accepts for the role it carries', async () => {
    const port = String(h.gateway.port);
    const { code, stdout } = await flowlineToken(
      '--app',
      h.appDir,
      '--port',
      port,
      '--role',
      'Orders.Submit',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const response = await h.call(invokePath('orders'), { token: stdout.trim(), body: '{"id":"T-1"}' });
    expect(await response.json()).toStrictEqual({ workflow: 'orders', id: 'T-1' });
  });

  it.each([
    ['no port option or setting', undefined, [], 'http://localhost:7071/.flowline/issuer'],
    ['Host.LocalHttpPort', { Host: { LocalHttpPort: 7200 } }, [], 'http://localhost:7200/.flowline/issuer'],
    [
      '--port over the setting',
      { Host: { LocalHttpPort: 7200 } },
      ['--port', '8080'],
      'http://localhost:8080/.flowline/issuer',
    ],
  ])('names the issuer from %s', async (_from, settings, args, issuer) => {
    const { stdout } = await flowlineToken('--app', freshApp(settings), ...args);
    expect((await loadJose()).decodeJwt(stdout.trim()).iss).toBe(issuer);
  });

  it('puts the roles, scopes, claims, audience, subject and lifetime it is given in the token', async () => {
    const { stdout } = await flowlineToken(
      ...['--app', freshApp(), '--role', 'A', '--role', 'B', '--scope', 'S1', '--scope', 'S2'],
      ...[
        '--claim',
        'tier=gold',
        '--claim',
        'region=eu',
        '--claim',
        'region=us',
        '--aud',
        'api://x',
        '--sub',
        'ada',
        '--expires',
        '15m',
      ],
    );
    const claims = (await loadJose()).decodeJwt(stdout.trim());
    expect(claims).toMatchObject({
      aud: 'api://x',
      sub: 'ada',
      roles: ['A', 'B'],
      scp: 'S1 S2',
      tier: 'gold',
      region: ['eu', 'us'],
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
  });

  it('takes the audience from FLOWLINE_GATEWAY_AUDIENCE in local.settings.json', async () => {
    const { stdout } = await flowlineToken(
      '--app',
      freshApp({ Values: { FLOWLINE_GATEWAY_AUDIENCE: 'api://a, api://b' } }),
    );
    expect((await loadJose()).decodeJwt(stdout.trim()).aud).toBe('api://a');
  });

  it('keeps the private key in a file only its owner can read, and never prints it', async () => {
    const { stdout, stderr } = await flowlineToken('--app', freshApp());
    const file = join(app, '.flowline', 'dev-issuer', 'keys.json');
    const { keys } = JSON.parse(readFileSync(file, 'utf8')) as { keys: { d: string }[] };
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(`${stdout}${stderr}`).not.toContain(keys[0]?.d ?? 'missing');
  });

  it.each([
    [['--expires', '5x'], "--expires must look like 30s, 15m, 1h or 7d, got '5x'."],
    [['--claim', 'novalue'], "--claim must be <name>=<value>, got 'novalue'."],
    [['--claim', 'exp=1'], "--claim cannot set 'exp'; use the option for it."],
    [['--port', '70000'], "--port must be the gateway's port (1 to 65535), got '70000'."],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with exit code 1: %s', async (args, message) => {
    const { code, stdout, stderr } = await flowlineToken('--app', freshApp(), ...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('refuses to mint when the gateway trusts another authority', async () => {
    const settings = {
      Values: { FLOWLINE_GATEWAY_AUTHORITY: 'https://login.microsoftonline.com/contoso/v2.0' },
    };
    const { code, stderr } = await flowlineToken('--app', freshApp(settings));
    expect(code).toBe(1);
    expect(stderr).toContain('FLOWLINE_GATEWAY_AUTHORITY is set');
  });
});
