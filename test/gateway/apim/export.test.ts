/** `flowline apim --out dir`: the files it writes and how they fit together. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { apimCommand } from '../../../src/cli/commands/apim';
import { namedValueReferences } from '../../../src/gateway/apim/named-values';
import { artifacts, file, FIXTURES, VARIANTS } from './artifacts';

interface NamedValueEntry {
  name: string;
  secret: boolean;
  keyVaultSecretName?: string;
}

const xmlOf = (files: { path: string; content: string }[]): string[] =>
  files.filter((f) => f.path.endsWith('.xml')).map((f) => f.content);

describe('flowline apim', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('produces the API definition, the policies, the list Bicep loops over and the named values', async () => {
    const files = await artifacts(VARIANTS['validate-azure-ad-token with named values']!);
    expect(files.map((f) => f.path)).toEqual([
      'named-values.json',
      'openapi.json',
      'operation-policies.json',
      'policies/api.xml',
      'policies/orderBulk_bulk.xml',
      'policies/orderIntake_manual.xml',
    ]);
  });

  it.each([
    ['validate-azure-ad-token with named values', ['cors-origin', 'entra-client-app-id']],
    ['validate-jwt', ['cors-origin']],
    ['literal client ids and origins', []],
  ])('lists in named-values.json exactly the named values the %s policies use', async (variant, extra) => {
    const files = await artifacts(VARIANTS[variant]!);
    const declared = (JSON.parse(file(files, 'named-values.json')) as NamedValueEntry[]).map((v) => v.name);
    expect(declared).toEqual(namedValueReferences(...xmlOf(files)));
    const always = ['entra-audience', 'entra-tenant-id', 'function-app-url', 'function-key'];
    expect(declared).toEqual([...always, ...extra].sort());
  });

  it('keeps the function key a secret backed by Key Vault, and nothing else secret', async () => {
    const files = await artifacts(VARIANTS['validate-azure-ad-token with named values']!);
    const secrets = (JSON.parse(file(files, 'named-values.json')) as NamedValueEntry[]).filter(
      (v) => v.secret,
    );
    expect(secrets).toMatchObject([{ name: 'function-key', keyVaultSecretName: 'function-key' }]);
  });

  it('repeats each operation policy for Bicep, keyed by operations of the OpenAPI document', async () => {
    const files = await artifacts(VARIANTS['validate-jwt']!);
    const list = JSON.parse(file(files, 'operation-policies.json')) as {
      operationId: string;
      policy: string;
    }[];
    const doc = JSON.parse(file(files, 'openapi.json')) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids.sort()).toEqual(['getOrder_lookup', 'orderBulk_bulk', 'orderIntake_manual']);
    for (const { operationId, policy } of list) {
      expect(ids).toContain(operationId);
      expect(policy).toBe(file(files, `policies/${operationId}.xml`));
    }
    expect(list.map((p) => p.operationId)).toEqual(['orderBulk_bulk', 'orderIntake_manual']);
  });

  it('writes the files to --out and removes policies left from workflows that changed', async () => {
    const out = await mkdtemp(join(tmpdir(), 'flowline-apim-'));
    dirs.push(out);
    await mkdir(join(out, 'policies'));
    await writeFile(join(out, 'policies', 'gone_manual.xml'), '<policies />');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await apimCommand.run(['--workflows', FIXTURES, '--out', out, '--token-policy', 'jwt']);
    stdout.mockRestore();
    expect(code).toBe(0);
    expect((await readdir(join(out, 'policies'))).sort()).toEqual([
      'api.xml',
      'orderBulk_bulk.xml',
      'orderIntake_manual.xml',
    ]);
    const expected = await artifacts(VARIANTS['validate-jwt']!);
    expect(await readFile(join(out, 'policies', 'api.xml'), 'utf8')).toBe(file(expected, 'policies/api.xml'));
  });

  it.each([
    [['--token-policy', 'basic'], /unknown --token-policy 'basic'/],
    [['--rate-limit', '10/301'], /--rate-limit must be calls\/seconds with 1-300 seconds/],
    [['--rate-limit', 'ten'], /--rate-limit must be/],
    [['--colour'], /Unknown option '--colour'/],
  ])('refuses %j with exit code 1', async (args, message) => {
    let err = '';
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
    const code = await apimCommand.run([...args, '--workflows', FIXTURES, '--out', join(tmpdir(), 'never')]);
    stderr.mockRestore();
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });
});
