/**
 * `flowline token [--app <dir>] [--port <n>] [--role R] [--scope S] [--claim k=v] [--aud A] [--sub S]
 * [--expires 1h]`: prints a token signed by the local development issuer (keys in
 * `<app>/.flowline/dev-issuer/`, created on first use) that `flowline start --gateway` accepts when no
 * FLOWLINE_GATEWAY_AUTHORITY is set. The issuer URL contains the gateway's port: `--port`, else
 * local.settings.json `Host.LocalHttpPort`, else 7071, as `flowline start` picks it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEV_AUDIENCE } from '../../gateway/local/config';
import { DevIssuer, devIssuerUrl } from '../../gateway/local/devIssuer';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE =
  'Usage: flowline token [--app <dir>] [--port <n>] [--role <role>]... [--scope <scope>]... [--claim <name>=<value>]...\n' +
  '                      [--aud <audience>] [--sub <subject>] [--expires <30s|15m|1h|7d>]';
const RESERVED = new Set(['iss', 'aud', 'sub', 'exp', 'nbf', 'iat', 'jti', 'azp', 'roles', 'scp']);
const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export const tokenCommand: Command = {
  name: 'token',
  summary: 'Print a token from the local development issuer (for flowline start --gateway)',
  async run(argv) {
    const parsed = parseCommand('token', USAGE, argv, {
      app: { type: 'string' },
      port: { type: 'string' },
      role: { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      claim: { type: 'string', multiple: true },
      aud: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const appDir = resolve(values.app ?? '.');
    const settings = readSettings(appDir);
    const setting = (name: string): string | undefined => process.env[name] || settings.values[name];
    if (setting('FLOWLINE_GATEWAY_AUTHORITY')) {
      return fail(
        'FLOWLINE_GATEWAY_AUTHORITY is set, so the gateway trusts that authority: get tokens from it. This command mints tokens for the local development issuer only.',
      );
    }
    const port = Number(values.port ?? settings.port ?? 7071);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return fail(`--port must be the gateway's port (1 to 65535), got '${values.port ?? ''}'.`);
    }
    const lifetime = duration(values.expires ?? '1h');
    if (lifetime === undefined)
      return fail(`--expires must look like 30s, 15m, 1h or 7d, got '${values.expires ?? ''}'.`);
    const claims: Record<string, string[]> = {};
    for (const pair of values.claim ?? []) {
      const at = pair.indexOf('=');
      const name = at > 0 ? pair.slice(0, at) : '';
      if (name === '') return fail(`--claim must be <name>=<value>, got '${pair}'.`);
      if (RESERVED.has(name)) return fail(`--claim cannot set '${name}'; use the option for it.`);
      (claims[name] ??= []).push(pair.slice(at + 1));
    }
    const issuer = await DevIssuer.open(join(appDir, '.flowline', 'dev-issuer'));
    const issuerUrl = devIssuerUrl(`http://localhost:${port}`);
    const audience =
      values.aud ?? setting('FLOWLINE_GATEWAY_AUDIENCE')?.split(',')[0]?.trim() ?? DEV_AUDIENCE;
    const token = await issuer.mint({
      issuer: issuerUrl,
      audience,
      subject: values.sub ?? 'developer',
      lifetime,
      roles: values.role ?? [],
      scopes: values.scope ?? [],
      claims: Object.fromEntries(
        Object.entries(claims).map(([k, v]) => [k, v.length === 1 ? (v[0] ?? '') : v]),
      ),
    });
    process.stderr.write(`Token from ${issuerUrl} for ${audience}, valid for ${lifetime} s.\n`);
    process.stdout.write(`${token}\n`);
    return 0;
  },
};

function fail(message: string): number {
  process.stderr.write(`flowline token: ${message}\n`);
  return 1;
}

function duration(raw: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(raw.trim());
  const seconds = match ? Number(match[1]) * (SECONDS[match[2] ?? ''] ?? 0) : 0;
  return seconds > 0 ? seconds : undefined;
}

/** `Values` and `Host.LocalHttpPort` of local.settings.json, when the app has one. */
function readSettings(appDir: string): { values: Record<string, string>; port: number | undefined } {
  const file = join(appDir, 'local.settings.json');
  if (!existsSync(file)) return { values: {}, port: undefined };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as {
      Values?: Record<string, unknown>;
      Host?: { LocalHttpPort?: unknown };
    };
    const values = Object.fromEntries(
      Object.entries(parsed.Values ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const port = parsed.Host?.LocalHttpPort;
    return { values, port: typeof port === 'number' ? port : undefined };
  } catch {
    return { values: {}, port: undefined };
  }
}
