/** The APIM artifacts of the fixture workflows, per policy-option variant, for the apim tests. */
import { resolve } from 'node:path';
import { Catalog, type CatalogEntry } from '../../../src/functions/workflows/catalog';
import { apimArtifacts, type ApimFile } from '../../../src/gateway/apim/export';
import { DEFAULT_POLICY_OPTIONS, type PolicyOptions } from '../../../src/gateway/apim/policies';

export const FIXTURES = resolve(__dirname, 'fixtures');

export const VARIANTS: Readonly<Record<string, PolicyOptions>> = {
  'validate-azure-ad-token with named values': DEFAULT_POLICY_OPTIONS,
  'validate-jwt': { ...DEFAULT_POLICY_OPTIONS, tokenPolicy: 'validate-jwt' },
  'literal client ids and origins': {
    ...DEFAULT_POLICY_OPTIONS,
    clientAppIds: ['00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000b2'],
    corsOrigins: ['https://app.contoso.com', 'https://a.example/?x="1"&y<2>'],
    rateLimit: { calls: 5, renewalPeriod: 300 },
  },
};

export async function fixtureEntries(): Promise<CatalogEntry[]> {
  return new Catalog(FIXTURES).list();
}

export async function artifacts(options: PolicyOptions, entries?: CatalogEntry[]): Promise<ApimFile[]> {
  return apimArtifacts(entries ?? (await fixtureEntries()), { title: 'Orders', version: '1.0.0' }, options);
}

export function file(files: readonly ApimFile[], path: string): string {
  const found = files.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
}
