/**
 * Egress policy: where the Http connector may connect. Cloud metadata and managed-identity
 * endpoints are blocked unless `FLOWLINE_EGRESS_ALLOW_METADATA=true` (a workflow that can reach them
 * could steal the app's identity). `FLOWLINE_EGRESS_DENY` and `FLOWLINE_EGRESS_ALLOW` take
 * comma-separated hosts, `*.suffix` patterns or CIDR ranges; with an allow list, nothing else is
 * reachable. Checked against the resolved addresses too, so a DNS name cannot smuggle a blocked IP.
 */
import { BlockList, isIP } from 'node:net';

export interface EgressPolicy {
  readonly allow?: readonly string[];
  readonly deny?: readonly string[];
  readonly blockMetadata: boolean;
}

const METADATA = [
  '169.254.169.254',
  '169.254.170.2',
  'fd00:ec2::254',
  '100.100.100.200',
  'metadata.google.internal',
  'metadata.azure.internal',
];

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');

export function egressFromEnvironment(env: NodeJS.ProcessEnv = process.env): EgressPolicy {
  const allow = list(env['FLOWLINE_EGRESS_ALLOW']);
  return {
    ...(allow.length > 0 ? { allow } : {}),
    deny: list(env['FLOWLINE_EGRESS_DENY']),
    blockMetadata: env['FLOWLINE_EGRESS_ALLOW_METADATA'] !== 'true',
  };
}

/** Identity endpoints of the hosting platform (App Service / Functions), host[:port]. */
function identityHosts(env: NodeJS.ProcessEnv): string[] {
  return ['IDENTITY_ENDPOINT', 'MSI_ENDPOINT']
    .map((name) => env[name])
    .filter((v): v is string => v !== undefined && v !== '')
    .flatMap((url) => {
      try {
        return [new URL(url).host.toLowerCase()];
      } catch {
        return [];
      }
    });
}

function matches(pattern: string, host: string, address: string | undefined): boolean {
  if (pattern.includes('/')) {
    const [net, bits] = pattern.split('/');
    const family = isIP(net ?? '');
    const candidate = address ?? host;
    const candidateFamily = isIP(candidate);
    if (family === 0 || candidateFamily !== family) return false;
    const block = new BlockList();
    block.addSubnet(net ?? '', Number(bits), family === 6 ? 'ipv6' : 'ipv4');
    return block.check(candidate, family === 6 ? 'ipv6' : 'ipv4');
  }
  const target = [host, address].filter((v): v is string => v !== undefined);
  if (pattern.startsWith('*.')) return target.some((t) => t.endsWith(pattern.slice(1)));
  return target.includes(pattern);
}

/** `::ffff:a.b.c.d` (IPv4-mapped IPv6, written `::ffff:xxxx:xxxx` by URL parsing) reaches a.b.c.d. */
function unmapped(ip: string): string {
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1] ?? '', 16), parseInt(hex[2] ?? '', 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1] ?? ip;
}

/** Why `host` (resolved to `address`, port `port`) is refused, or undefined when it is allowed. */
export function egressDenial(
  policy: EgressPolicy,
  host: string,
  port: string,
  address?: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const h = unmapped(host.toLowerCase().replace(/^\[|\]$/g, ''));
  const a = address === undefined ? undefined : unmapped(address.toLowerCase());
  if (policy.blockMetadata) {
    if (METADATA.some((m) => m === h || m === a)) return `'${h}' is a cloud metadata endpoint`;
    if (identityHosts(env).some((id) => id === `${h}:${port}` || id === h))
      return `'${h}:${port}' is the platform's identity endpoint`;
  }
  const denied = policy.deny?.find((p) => matches(p, h, a));
  if (denied !== undefined) return `'${h}' matches the deny rule '${denied}' (FLOWLINE_EGRESS_DENY)`;
  // A name not resolved yet may still resolve into an allowed range: judged on its addresses then.
  const unresolved = a === undefined && isIP(h) === 0 && policy.allow?.some((p) => p.includes('/')) === true;
  if (policy.allow !== undefined && !unresolved && !policy.allow.some((p) => matches(p, h, a))) {
    return `'${h}' is not in the allow list (FLOWLINE_EGRESS_ALLOW)`;
  }
  return undefined;
}
