/**
 * Resolves secret references inside activities: app settings from the environment (which
 * `local.settings.json` fills locally), Key Vault secrets through `@azure/keyvault-secrets` with the
 * app's identity (`DefaultAzureCredential`: managed identity on Azure, the developer's login locally).
 * Values are cached for a short time so a Foreach does not read the vault once per item.
 *
 * Locally, a Key Vault reference can be answered without a vault: the app setting
 * `KEYVAULT__<vault name>__<secret name>` (in local.settings.json "Values" or the environment) wins.
 */
export type SecretReference =
  | { readonly appSetting: string }
  | { readonly vault: string; readonly name: string; readonly version?: string };

export interface SecretResolver {
  resolve(reference: SecretReference): Promise<string>;
}

export class SecretNotFound extends Error {}

const TTL_MS = 5 * 60_000;

export type VaultReader = (vaultUrl: string, name: string, version: string | undefined) => Promise<string>;

export function defaultSecretResolver(
  env: NodeJS.ProcessEnv = process.env,
  readVault: VaultReader = keyVaultReader(),
  now: () => number = Date.now,
): SecretResolver {
  const cache = new Map<string, { value: string; until: number }>();
  return {
    async resolve(reference) {
      if ('appSetting' in reference) {
        const value = env[reference.appSetting];
        if (value === undefined)
          throw new SecretNotFound(
            `App setting '${reference.appSetting}' is not set. Add it to local.settings.json "Values" or the environment.`,
          );
        return value;
      }
      const url = vaultUrl(reference.vault);
      const local = env[`KEYVAULT__${vaultName(url)}__${reference.name}`];
      if (local !== undefined) return local;
      const key = `${url}|${reference.name}|${reference.version ?? ''}`;
      const hit = cache.get(key);
      if (hit !== undefined && hit.until > now()) return hit.value;
      const value = await readVault(url, reference.name, reference.version);
      cache.set(key, { value, until: now() + TTL_MS });
      return value;
    },
  };
}

/** `myvault` → `https://myvault.vault.azure.net`; a full URL is kept. */
export function vaultUrl(vault: string): string {
  return /^https:\/\//i.test(vault) ? vault.replace(/\/+$/, '') : `https://${vault}.vault.azure.net`;
}

/** `https://myvault.vault.azure.net` → `myvault`. */
export function vaultName(url: string): string {
  return new URL(url).hostname.split('.')[0] ?? '';
}

function keyVaultReader(): VaultReader {
  return async (url, name, version) => {
    const [{ SecretClient }, { DefaultAzureCredential }] = await Promise.all([
      import('@azure/keyvault-secrets'),
      import('@azure/identity'),
    ]);
    const secret = await new SecretClient(url, new DefaultAzureCredential()).getSecret(name, { version });
    if (secret.value === undefined) throw new SecretNotFound(`Secret '${name}' in ${url} has no value.`);
    return secret.value;
  };
}
