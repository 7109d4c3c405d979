/**
 * Every app setting the code and the workflows read is set by infra/ or documented in
 * docs/deploy.md as set per deployment, so a deployed app never runs on a missing setting.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectKeys, read, ROOT } from './bicep';

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** `process.env['X']`, `process.env.X`, `env['X']` and `helper(env, 'X')` in src/. */
function settingsReadByCode(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /\benv\[['"](\w+)['"]\]|\bprocess\.env\.([A-Za-z_]\w*)|\benv\s*,\s*['"](\w+)['"]/g;
  for (const file of sources('src')) {
    for (const m of read(file).matchAll(pattern)) found.set(m[1] ?? m[2] ?? m[3]!, file);
  }
  return found;
}

const DEPLOY_DOC = read('docs/deploy.md');
const FUNCTION_APP = read('infra/modules/functionapp.bicep');
const SET_BY_BICEP = objectKeys(FUNCTION_APP, 'var appSettings =');
const PARAMETERS = (
  JSON.parse(read('infra/main.parameters.json')) as {
    parameters: Record<
      'workflowAppSettings' | 'workflowSecretSettings' | 'storageConnections',
      { value: unknown }
    >;
  }
).parameters;
const WORKFLOW_SETTINGS = Object.keys(PARAMETERS.workflowAppSettings.value as object);
const SECRET_SETTINGS = PARAMETERS.workflowSecretSettings.value as string[];
const STORAGE_CONNECTIONS = PARAMETERS.storageConnections.value as string[];

/** Read by the code, set by the platform rather than by the template. */
const PLATFORM: Record<string, string> = {
  WEBSITE_HOSTNAME: 'App Service sets it to the default host name',
  FUNCTIONS_WORKER_RUNTIME: 'Flex Consumption derives it from functionAppConfig.runtime',
  WEBSITE_SITE_NAME: 'App Service sets it to the app name (the cloud role name in telemetry)',
  WEBSITE_INSTANCE_ID: 'App Service sets it per instance (the cloud role instance in telemetry)',
};
/**
 * Only `flowline start` reads these: on Azure, API Management does the gateway's work and the
 * Durable extension keeps the state the embedded host's store keeps.
 */
const LOCAL_ONLY = /^FLOWLINE_(GATEWAY|STORE)_/;

describe('app settings', () => {
  const code = settingsReadByCode();

  it('read by src/ are found by the scan (it is not vacuous)', () => {
    expect([...code.keys()]).toEqual(
      expect.arrayContaining([
        'FLOWLINE_WORKFLOWS_DIR',
        'FLOWLINE_RESPONSE_TIMEOUT_SECONDS',
        'WEBSITE_TIME_ZONE',
      ]),
    );
  });

  it('read by src/ are set in functionapp.bicep, set by the platform, local-only, or documented per deployment', () => {
    const unaccounted = [...code.entries()]
      .filter(
        ([name]) => !SET_BY_BICEP.includes(name) && PLATFORM[name] === undefined && !LOCAL_ONLY.test(name),
      )
      .filter(([name]) => !DEPLOY_DOC.includes(`\`${name}\``))
      .map(([name, file]) => `${name} (${file})`);
    expect(unaccounted).toEqual([]);
  });

  it('that Flowline itself needs on Azure are set by the template', () => {
    expect(SET_BY_BICEP).toEqual(
      expect.arrayContaining([
        'AzureWebJobsStorage__accountName',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
        'FLOWLINE_WORKFLOWS_DIR',
        'FLOWLINE_RESPONSE_TIMEOUT_SECONDS',
      ]),
    );
    expect(SET_BY_BICEP).not.toContain('FUNCTIONS_WORKER_RUNTIME');
  });

  it("put the workflows folder where the package has it, next to host.json's route prefix the API uses", () => {
    expect(FUNCTION_APP).toContain("FLOWLINE_WORKFLOWS_DIR: 'workflows'");
    const host = JSON.parse(read('host.json')) as { extensions: { http: { routePrefix: string } } };
    expect(read('infra/main.bicep')).toContain(`/${host.extensions.http.routePrefix}'`);
  });

  describe('read by workflows/', () => {
    const workflows = readdirSync(join(ROOT, 'workflows'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ text: read(join('workflows', f)) }));
    const referenced = (pattern: RegExp): Set<string> =>
      new Set(workflows.flatMap(({ text }) => [...text.matchAll(pattern)].map((m) => (m[1] ?? m[2])!)));
    const appsettings = referenced(/appsetting\('(\w+)'\)|"appSetting":\s*"(\w+)"/g);

    it('with appsetting() are all given a value by main.parameters.json', () => {
      expect(appsettings.size).toBeGreaterThan(5);
      const missing = [...appsettings].filter(
        (s) => !WORKFLOW_SETTINGS.includes(s) && !SECRET_SETTINGS.includes(s),
      );
      expect(missing).toEqual([]);
    });

    it('as secure parameters come from Key Vault references, never plain settings', () => {
      const secure = referenced(
        /"type":\s*"Secure(?:String|Object)",\s*"(?:defaultValue|value)":\s*"@appsetting\('(\w+)'\)"/g,
      );
      expect([...secure].sort()).toEqual([...SECRET_SETTINGS].sort());
      expect(WORKFLOW_SETTINGS.filter((s) => secure.has(s))).toEqual([]);
    });

    const connections = [
      ...workflows.flatMap(({ text }) => [
        ...text.matchAll(/"type":\s*"(\w+)",\s*"inputs":\s*\{[^}]*?"connection":\s*"(\w+)"/g),
      ]),
    ].map((m) => ({ type: m[1]!, name: m[2]! }));
    const storage = new Set(
      connections.filter((c) => /^(Blob|Queue|Table)Storage$/.test(c.type)).map((c) => c.name),
    );

    it('as storage connections point at the app storage account with its identity', () => {
      expect(storage.size).toBeGreaterThan(0);
      expect([...storage].sort()).toEqual([...STORAGE_CONNECTIONS].sort());
      expect(FUNCTION_APP).toContain("connection => '${connection}__accountName'");
    });

    it('as other connections (Service Bus) are given their setting by main.parameters.json', () => {
      const others = connections.filter((c) => !storage.has(c.name));
      const unset = others.filter(
        ({ name }) => !WORKFLOW_SETTINGS.some((s) => s === name || s.startsWith(`${name}__`)),
      );
      expect(unset).toEqual([]);
    });
  });
});
