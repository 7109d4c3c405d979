/**
 * infra/ without a Bicep compiler: the templates reference files, modules, parameters and outputs
 * that exist, and the built-in role ids they assign are the documented ones.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INFRA, loads, moduleParams, modules, outputReferences, outputs, params, read, ROOT } from './bicep';

const bicepFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? bicepFiles(join(dir, e.name)) : e.name.endsWith('.bicep') ? [join(dir, e.name)] : [],
  );
const FILES = bicepFiles(INFRA).map((f) => relative(ROOT, f));
const MAIN = read('infra/main.bicep');

// https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-files
const LOAD_LIMIT: Record<string, number> = { loadTextContent: 131_072, loadJsonContent: 1_048_576 };

describe('the Bicep templates', () => {
  it('are main.bicep and one small module per concern', () => {
    expect(FILES.sort()).toEqual(
      [
        'main',
        'modules/alerts',
        'modules/apim',
        'modules/apim-api',
        'modules/diagnostics',
        'modules/dns',
        'modules/function-key',
        'modules/functionapp',
        'modules/keyvault',
        'modules/monitoring',
        'modules/roles',
        'modules/storage',
      ]
        .map((f) => `infra/${f}.bicep`)
        .sort(),
    );
    for (const file of FILES)
      expect({ file, lines: read(file).trimEnd().split('\n').length <= 200 }).toEqual({ file, lines: true });
  });

  it('load only generated files that exist, each within the size Bicep accepts', () => {
    const loaded = FILES.flatMap((file) =>
      loads(read(file)).map(({ fn, path }) => ({
        fn,
        path: relative(ROOT, resolve(ROOT, dirname(file), path)),
      })),
    );
    expect(loaded.map((l) => l.path).sort()).toEqual([
      'infra/apim/openapi.json',
      'infra/apim/operation-policies.json',
      'infra/apim/policies/api.xml',
    ]);
    for (const { fn, path } of loaded) {
      expect({ path, exists: existsSync(resolve(ROOT, path)) }).toEqual({ path, exists: true });
      expect(read(path).length).toBeLessThanOrEqual(LOAD_LIMIT[fn]!);
    }
  });

  it('main.bicep passes each module every parameter it requires, and only parameters it declares', () => {
    for (const { symbol, path } of modules(MAIN)) {
      const declared = params(read(`infra/${path}`));
      const passed = moduleParams(MAIN, symbol);
      expect({ symbol, unknown: passed.filter((p) => !declared.some((d) => d.name === p)) }).toEqual({
        symbol,
        unknown: [],
      });
      const missing = declared.filter((d) => !d.optional && !passed.includes(d.name)).map((d) => d.name);
      expect({ symbol, missing }).toEqual({ symbol, missing: [] });
    }
  });

  it('main.bicep reads only outputs its modules declare', () => {
    const paths = new Map(modules(MAIN).map((m) => [m.symbol, m.path]));
    const references = outputReferences(MAIN);
    expect(references.length).toBeGreaterThan(10);
    for (const { symbol, output } of references) {
      expect({
        symbol,
        output,
        declared: outputs(read(`infra/${paths.get(symbol)}`)).includes(output),
      }).toEqual({
        symbol,
        output,
        declared: true,
      });
    }
  });

  it('main.parameters.json sets only parameters of main.bicep, and every one without a default', () => {
    const file = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
    const given = Object.keys(file.parameters);
    const declared = params(MAIN);
    expect(given.filter((g) => !declared.some((d) => d.name === g))).toEqual([]);
    expect(declared.filter((d) => !d.optional && !given.includes(d.name)).map((d) => d.name)).toEqual([]);
  });

  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security
  it.each([
    ['storageBlobDataOwner', 'Storage Blob Data Owner', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'],
    ['storageQueueDataContributor', 'Storage Queue Data Contributor', '974c5e8b-45b9-4653-ba55-5f855dd0fb88'],
    ['storageTableDataContributor', 'Storage Table Data Contributor', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'],
    ['keyVaultSecretsUser', 'Key Vault Secrets User', '4633458b-17de-408a-b874-0445c86b69e6'],
    ['keyVaultSecretsOfficer', 'Key Vault Secrets Officer', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'],
    ['keyVaultCertificatesOfficer', 'Key Vault Certificates Officer', 'a4417e6f-fecd-4de8-b567-7b0420556985'],
  ])('roles.bicep assigns %s as the built-in role %s (%s)', (variable, _role, id) => {
    const roles = read('infra/modules/roles.bicep');
    expect(roles).toContain(`var ${variable} = '${id}'`);
    expect(roles.match(new RegExp(`\\b${variable}\\b`, 'g'))?.length).toBeGreaterThan(1);
  });

  it('roles.bicep uses no role id beyond those six', () => {
    const ids = read('infra/modules/roles.bicep').match(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    );
    expect(new Set(ids).size).toBe(6);
  });

  it('gives the Function App the Flex Consumption plan, Node 20 and a system-assigned identity', () => {
    const app = read('infra/modules/functionapp.bicep');
    expect(app).toContain("sku: { tier: 'FlexConsumption', name: 'FC1' }");
    expect(app).toContain("runtime: { name: 'node', version: '20' }");
    expect(app).toContain("identity: { type: 'SystemAssigned' }");
    expect(app).toContain("'azd-service-name': 'api'");
  });
});
