/**
 * Everything `flowline apim` writes, as `{path, content}` pairs sorted by path, so the output is the
 * same byte for byte for the same workflows and options:
 *
 * - `openapi.json`: the API definition (`flowline openapi`);
 * - `policies/api.xml`: the API-level policy;
 * - `policies/<operationId>.xml`: an operation's required claims, for triggers with `authorization`;
 * - `operation-policies.json`: the same operation policies as one list, for Bicep to loop over
 *   (`loadTextContent` needs a literal path, so a loop cannot load the XML files one by one);
 * - `named-values.json`: every named value the policies use, and whether it is a Key Vault secret.
 */
import type { CatalogEntry } from '../../functions/workflows/catalog';
import { openApiDocument, type OpenApiOptions } from '../openapi';
import { formatJson } from './json';
import { namedValuesFor } from './named-values';
import { apimOperations, compare } from './operations';
import { apiPolicy, operationPolicy, type PolicyOptions } from './policies';

export interface ApimFile {
  readonly path: string;
  readonly content: string;
}

export function apimArtifacts(
  entries: readonly CatalogEntry[],
  openApi: OpenApiOptions,
  policy: PolicyOptions,
): ApimFile[] {
  const sorted = [...entries].sort((a, b) => compare(a.name, b.name));
  const operations = apimOperations(sorted);
  const api = apiPolicy(operations, policy);
  const perOperation = operations.flatMap((operation) => {
    const xml = operationPolicy(operation, policy);
    return xml === undefined ? [] : [{ operationId: operation.operationId, policy: xml }];
  });
  const files: ApimFile[] = [
    { path: 'openapi.json', content: formatJson(openApiDocument(sorted, openApi)) },
    { path: 'policies/api.xml', content: api },
    ...perOperation.map((p) => ({ path: `policies/${p.operationId}.xml`, content: p.policy })),
    { path: 'operation-policies.json', content: formatJson(perOperation) },
    {
      path: 'named-values.json',
      content: formatJson(namedValuesFor(api, ...perOperation.map((p) => p.policy))),
    },
  ];
  return files.sort((a, b) => compare(a.path, b.path));
}
