/**
 * The API Management named values the generated policies reference as `{{name}}`. Policies carry
 * no tenant, URL or key: the infrastructure sets these per deployment (infra/modules/apim-api.bicep),
 * and `function-key` is a Key Vault reference, so the key never appears in a policy or template.
 */
import { compare } from './operations';

export interface NamedValue {
  readonly name: string;
  readonly description: string;
  readonly secret: boolean;
  /** The Key Vault secret the named value references (secrets only). */
  readonly keyVaultSecretName?: string;
}

const CATALOG: readonly NamedValue[] = [
  {
    name: 'cors-origin',
    description: 'The browser origin allowed to call the API (a URI, or * for any).',
    secret: false,
  },
  {
    name: 'entra-audience',
    description: "The token audience: the API app registration's client id (v2 tokens) or App ID URI (v1).",
    secret: false,
  },
  {
    name: 'entra-client-app-id',
    description: 'The client id of the application allowed to call the API (validate-azure-ad-token).',
    secret: false,
  },
  { name: 'entra-tenant-id', description: 'The Entra ID tenant that issues the tokens.', secret: false },
  {
    name: 'function-app-url',
    description: "The Function App's API base URL, https://<host>/api.",
    secret: false,
  },
  {
    name: 'function-key',
    description: "A function key of the Function App, sent as x-functions-key (authLevel 'function').",
    secret: true,
    keyVaultSecretName: 'function-key',
  },
];

/** `{{name}}` references in policy text, sorted and distinct. */
export function namedValueReferences(...documents: readonly string[]): string[] {
  const names = new Set<string>();
  for (const document of documents) {
    for (const match of document.matchAll(/\{\{([^{}]+)\}\}/g)) names.add(match[1] ?? '');
  }
  return [...names].sort(compare);
}

/** The named values the documents use; throws on a reference nothing declares. */
export function namedValuesFor(...documents: readonly string[]): NamedValue[] {
  return namedValueReferences(...documents).map((name) => {
    const value = CATALOG.find((v) => v.name === name);
    if (value === undefined) throw new Error(`Policy references an undeclared named value '{{${name}}}'.`);
    return value;
  });
}
