/** The egress policy on its own: settings read from the environment, and the decision per host. */
import { describe, expect, it } from 'vitest';
import { egressDenial, egressFromEnvironment, type EgressPolicy } from '../../../src/connectors/http/egress';

describe('egressFromEnvironment', () => {
  it.each([
    ['no settings', {}, { deny: [], blockMetadata: true }],
    [
      'lists trimmed, lower-cased, empties dropped',
      {
        FLOWLINE_EGRESS_ALLOW: ' API.Example.com, ,10.0.0.0/8,',
        FLOWLINE_EGRESS_DENY: '*.Internal ,fd00::/8',
      },
      { allow: ['api.example.com', '10.0.0.0/8'], deny: ['*.internal', 'fd00::/8'], blockMetadata: true },
    ],
    [
      'an empty allow list means no allow list',
      { FLOWLINE_EGRESS_ALLOW: ' , ' },
      { deny: [], blockMetadata: true },
    ],
    [
      'metadata allowed only by exactly "true"',
      { FLOWLINE_EGRESS_ALLOW_METADATA: 'true' },
      { deny: [], blockMetadata: false },
    ],
    [
      '"TRUE" keeps metadata blocked',
      { FLOWLINE_EGRESS_ALLOW_METADATA: 'TRUE' },
      { deny: [], blockMetadata: true },
    ],
    [
      '"1" keeps metadata blocked',
      { FLOWLINE_EGRESS_ALLOW_METADATA: '1' },
      { deny: [], blockMetadata: true },
    ],
  ])('%s', (_label, env: NodeJS.ProcessEnv, expected) => {
    expect(egressFromEnvironment(env)).toEqual(expected);
  });
});

describe('egressDenial', () => {
  const open: EgressPolicy = { deny: [], blockMetadata: true };
  const noEnv: NodeJS.ProcessEnv = {};
  const deny = (
    host: string,
    policy: EgressPolicy,
    address?: string,
    env = noEnv,
    port = '80',
  ): string | undefined => egressDenial(policy, host, port, address, env);

  it.each([
    ['169.254.169.254', undefined],
    ['169.254.170.2', undefined],
    ['100.100.100.200', undefined],
    ['fd00:ec2::254', undefined],
    ['[fd00:ec2::254]', undefined],
    ['metadata.google.internal', undefined],
    ['METADATA.Azure.Internal', undefined],
    ['innocent.example.com', '169.254.169.254'],
    ['::ffff:a9fe:a9fe', undefined],
    ['innocent.example.com', '::ffff:169.254.169.254'],
  ])('blocks metadata endpoint %s (resolved to %s) by default', (host, address) => {
    expect(deny(host, open, address)).toMatch(/cloud metadata endpoint/);
    expect(deny(host, { ...open, blockMetadata: false }, address)).toBeUndefined();
  });

  it.each([
    ['IDENTITY_ENDPOINT', 'http://127.0.0.1:41741/MSI/token/', '127.0.0.1', '41741', true],
    ['IDENTITY_ENDPOINT', 'http://127.0.0.1:41741/MSI/token/', '127.0.0.1', '41742', false],
    ['MSI_ENDPOINT', 'http://localhost:8081/msi/token', 'localhost', '8081', true],
    ['MSI_ENDPOINT', 'not a url', 'localhost', '8081', false],
  ])('with %s=%s, %s:%s is blocked: %s', (name, value, host, port, blocked) => {
    const reason = deny(host, open, undefined, { [name]: value }, port);
    expect(reason).toBe(blocked ? `'${host}:${port}' is the platform's identity endpoint` : undefined);
    expect(deny(host, { ...open, blockMetadata: false }, undefined, { [name]: value }, port)).toBeUndefined();
  });

  it.each([
    ['exact host', 'api.example.com', 'api.example.com', undefined, true],
    ['exact host, other host', 'api.example.com', 'www.example.com', undefined, false],
    ['suffix pattern', '*.example.com', 'a.b.example.com', undefined, true],
    ['suffix pattern, look-alike', '*.example.com', 'evilexample.com', undefined, false],
    ['suffix pattern, bare domain', '*.example.com', 'example.com', undefined, false],
    ['IPv4 CIDR, literal', '10.0.0.0/8', '10.1.2.3', undefined, true],
    ['IPv4 CIDR, resolved address', '10.0.0.0/8', 'db.example.com', '10.9.9.9', true],
    ['IPv4 CIDR, outside', '10.0.0.0/8', '11.0.0.1', undefined, false],
    ['IPv4 CIDR, IPv4-mapped IPv6 literal', '10.0.0.0/8', '::ffff:a01:203', undefined, true],
    ['IPv6 CIDR', 'fd00::/8', 'fd12::1', undefined, true],
    ['IPv6 CIDR, IPv4 address', 'fd00::/8', '10.0.0.1', undefined, false],
    ['exact address, resolved', '192.0.2.7', 'name.example', '192.0.2.7', true],
  ])('deny rule (%s) %s covers %s / %s: %s', (_label, rule, host, address, covered) => {
    const policy: EgressPolicy = { deny: [rule], blockMetadata: true };
    const reason = deny(host, policy, address);
    if (covered) expect(reason).toContain(`matches the deny rule '${rule}'`);
    else expect(reason).toBeUndefined();
  });

  it.each([
    ['listed host', ['api.example.com'], 'api.example.com', undefined, true],
    ['unlisted host', ['api.example.com'], 'other.example.com', undefined, false],
    ['address in an allowed CIDR', ['10.0.0.0/8'], 'db.example.com', '10.1.1.1', true],
    ['address outside the allowed CIDR', ['10.0.0.0/8'], 'db.example.com', '192.0.2.1', false],
  ])('allow list admits a %s: %s', (_label, allow, host, address, admitted) => {
    const reason = deny(host, { allow, deny: [], blockMetadata: true }, address);
    if (admitted) expect(reason).toBeUndefined();
    else expect(reason).toMatch(/not in the allow list/);
  });

  it('applies the deny list before the allow list', () => {
    const policy: EgressPolicy = {
      allow: ['*.example.com'],
      deny: ['secret.example.com'],
      blockMetadata: true,
    };
    expect(deny('secret.example.com', policy)).toMatch(/deny rule/);
    expect(deny('public.example.com', policy)).toBeUndefined();
  });
});
