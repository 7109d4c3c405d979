/**
 * The named values the generated policies reference are the ones infra/ creates, whatever policy
 * options `flowline apim` is run with, and the secret one reads the Key Vault secret Bicep writes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog, type CatalogEntry } from '../../src/functions/workflows/catalog';
import { namedValueReferences } from '../../src/gateway/apim/named-values';
import { artifacts, file, VARIANTS } from '../gateway/apim/artifacts';
import { objectKeys, read, ROOT } from './bicep';

interface Declared {
  name: string;
  secret: boolean;
  keyVaultSecretName?: string;
}

const API_BICEP = read('infra/modules/apim-api.bicep');
/** The plain named values created in a loop, and the secret ones declared one by one. */
const BICEP_NAMED_VALUES = [
  ...objectKeys(API_BICEP, 'var plainValues ='),
  ...[...API_BICEP.matchAll(/namedValues@[\w-]+' = \{\s*parent: apim\s*name: '([\w-]+)'/g)].map((m) => m[1]!),
].sort();

const committedPolicies = (): string[] => [
  ...readdirSync(join(ROOT, 'infra/apim/policies')).map((f) => read(`infra/apim/policies/${f}`)),
  ...(JSON.parse(read('infra/apim/operation-policies.json')) as { policy: string }[]).map((p) => p.policy),
];

describe('named values', () => {
  let workflows: CatalogEntry[];
  beforeAll(async () => {
    workflows = await new Catalog(join(ROOT, 'workflows')).list();
  });

  it('in apim-api.bicep are found (the check is not vacuous)', () => {
    expect(BICEP_NAMED_VALUES).toContain('function-key');
    expect(BICEP_NAMED_VALUES.length).toBeGreaterThan(4);
  });

  it('the committed infra/apim policies use are declared in its named-values.json and in apim-api.bicep', () => {
    const used = namedValueReferences(...committedPolicies());
    const declared = (JSON.parse(read('infra/apim/named-values.json')) as Declared[]).map((v) => v.name);
    expect(used).toEqual(declared);
    expect(used.filter((name) => !BICEP_NAMED_VALUES.includes(name))).toEqual([]);
  });

  it.each(Object.keys(VARIANTS))(
    'the %s policies for workflows/ use are all created by apim-api.bicep',
    async (variant) => {
      const files = await artifacts(VARIANTS[variant]!, workflows);
      const declared = (JSON.parse(file(files, 'named-values.json')) as Declared[]).map((v) => v.name);
      expect(declared.filter((name) => !BICEP_NAMED_VALUES.includes(name))).toEqual([]);
    },
  );

  it('apim-api.bicep creates none that no policy option can use', async () => {
    const usable = new Set<string>();
    for (const options of Object.values(VARIANTS)) {
      const files = await artifacts(options, workflows);
      for (const v of JSON.parse(file(files, 'named-values.json')) as Declared[]) usable.add(v.name);
    }
    expect(BICEP_NAMED_VALUES).toEqual([...usable].sort());
  });

  it('that are secret reference the Key Vault secret function-key.bicep writes, and are marked secret', () => {
    const secrets = (JSON.parse(read('infra/apim/named-values.json')) as Declared[]).filter((v) => v.secret);
    expect(secrets.map((s) => s.name)).toEqual(['function-key']);
    const writer = read('infra/modules/function-key.bicep');
    for (const { name, keyVaultSecretName } of secrets) {
      const block = API_BICEP.slice(API_BICEP.indexOf(`name: '${name}'`)).split('\n}')[0]!;
      expect(block).toContain('secret: true');
      expect(block).toContain('keyVault: { secretIdentifier: functionKeySecretUri }');
      expect(writer).toContain(`name: '${keyVaultSecretName}'`);
      expect(writer).toContain(`secrets/${keyVaultSecretName}'`);
      expect(read('infra/main.bicep')).toContain('functionKeySecretUri: functionKey.outputs.secretUri');
    }
  });

  it('for the backend point at the Function App, and the key travels only as a Key Vault reference', () => {
    expect(read('infra/main.bicep')).toContain(
      "functionAppUrl: 'https://${functionApp.outputs.defaultHostName}/api'",
    );
    expect(read('infra/modules/function-key.bicep')).toContain('listKeys().functionKeys.default');
    expect(read('infra/modules/function-key.bicep')).not.toMatch(/^output .*listKeys/m);
  });
});
