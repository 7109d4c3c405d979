/** azure.yaml: `azd up` regenerates the APIM artifacts, provisions infra/ and deploys the Function App. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, ROOT } from './bicep';

const AZURE_YAML = read('azure.yaml');
/** `key: value` of the lines of azure.yaml, by indentation-qualified key (a flat reading is enough). */
const line = (key: string): string | undefined =>
  new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(AZURE_YAML)?.[1]?.trim();

describe('azure.yaml', () => {
  it.each([
    ['name', 'flowline'],
    ['  provider', 'bicep'],
    ['  path', 'infra'],
    ['  module', 'main'],
    ['    project', '.'],
    ['    language', 'ts'],
    ['    host', 'function'],
    ['    remoteBuild', 'true'],
  ])('sets %s to %s', (key, value) => {
    expect(line(key)).toBe(value);
  });

  it('deploys one service, api, which the Function App carries as its azd-service-name tag', () => {
    expect(AZURE_YAML).toMatch(/^services:\n {2}api:\n/m);
    expect(read('infra/modules/functionapp.bicep')).toContain("'azd-service-name': 'api'");
  });

  it('points at a template that exists, with its parameters file', () => {
    expect(existsSync(join(ROOT, 'infra/main.bicep'))).toBe(true);
    expect(existsSync(join(ROOT, 'infra/main.parameters.json'))).toBe(true);
  });

  it.each(['posix', 'windows'])(
    'regenerates infra/apim from the workflows before provisioning (%s)',
    (os) => {
      const hook = new RegExp(`preprovision:[\\s\\S]*?${os}:[\\s\\S]*?run: (.+)`).exec(AZURE_YAML)?.[1];
      expect(hook).toContain('npm run build');
      expect(hook).toContain('node dist/cli/index.js apim --out infra/apim');
    },
  );
});
