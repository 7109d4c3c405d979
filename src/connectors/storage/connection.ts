/**
 * Where a Storage action's `connection` leads. The input names an app setting, as Functions bindings
 * do: `<connection>` holds a connection string (`UseDevelopmentStorage=true` means Azurite on its
 * default ports), or `<connection>__blobServiceUri` / `__queueServiceUri` / `__tableServiceUri` /
 * `__accountUrl` / `__accountName` select the app's managed identity (`<connection>__clientId` picks a
 * user-assigned one). Values are read here and never printed; errors name only the settings.
 */
import { TerminalError } from '../errors';

export type StorageService = 'blob' | 'queue' | 'table';

export type StorageTarget =
  | {
      readonly kind: 'connectionString';
      readonly connectionString: string;
      /** Parts of the connection string that must never show (account key, SAS). */
      readonly secrets: readonly string[];
    }
  | { readonly kind: 'identity'; readonly url: string; readonly clientId: string | undefined };

/** Azurite's published development account and default ports. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(
  host = '127.0.0.1',
  ports: { blob: number; queue: number; table: number } = { blob: 10000, queue: 10001, table: 10002 },
): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `BlobEndpoint=http://${host}:${ports.blob}/${AZURITE_ACCOUNT}`,
    `QueueEndpoint=http://${host}:${ports.queue}/${AZURITE_ACCOUNT}`,
    `TableEndpoint=http://${host}:${ports.table}/${AZURITE_ACCOUNT}`,
  ].join(';');
}

const SERVICE_URI = { blob: 'blobServiceUri', queue: 'queueServiceUri', table: 'tableServiceUri' } as const;

/** Reads the settings behind `connection` for one service; a missing setting is a terminal error. */
export function storageTarget(
  connection: string,
  service: StorageService,
  env: NodeJS.ProcessEnv,
): StorageTarget {
  const setting = (suffix?: string): string | undefined => {
    const value = env[suffix === undefined ? connection : `${connection}__${suffix}`]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const connectionString = setting();
  if (connectionString !== undefined) {
    const value = /^UseDevelopmentStorage=true\b/i.test(connectionString)
      ? azuriteConnectionString()
      : connectionString;
    return { kind: 'connectionString', connectionString: value, secrets: connectionStringSecrets(value) };
  }
  const clientId = setting('clientId');
  const serviceUri = setting(SERVICE_URI[service]);
  if (serviceUri !== undefined) return { kind: 'identity', url: serviceUri, clientId };
  const accountUrl = setting('accountUrl');
  if (accountUrl !== undefined) return { kind: 'identity', url: serviceUrl(accountUrl, service), clientId };
  const accountName = setting('accountName');
  if (accountName !== undefined)
    return { kind: 'identity', url: `https://${accountName}.${service}.core.windows.net`, clientId };
  throw new TerminalError(
    'ConnectionNotConfigured',
    `The connection '${connection}' is not configured: expected app setting '${connection}' (a storage ` +
      `connection string) or '${connection}__${SERVICE_URI[service]}' / '${connection}__accountUrl' ` +
      `(managed identity), found none of them.`,
  );
}

/**
 * The service endpoint for an account URL: `https://acct.blob.core.windows.net` becomes
 * `https://acct.queue.core.windows.net` for queues; a URL without a service label is used as given.
 */
export function serviceUrl(accountUrl: string, service: StorageService): string {
  let url: URL;
  try {
    url = new URL(accountUrl);
  } catch {
    throw new TerminalError(
      'InvalidConnection',
      'The account URL setting is invalid: expected an absolute URL such as https://<account>.blob.core.windows.net.',
    );
  }
  url.hostname = url.hostname.replace(
    /^([^.]+)\.(?:blob|queue|table|dfs|file)\./i,
    (_m, account: string) => `${account}.${service}.`,
  );
  return url.href.replace(/\/+$/, '');
}

/** The account key and SAS of a connection string, so error messages can be scrubbed of them. */
function connectionStringSecrets(connectionString: string): string[] {
  const out: string[] = [];
  for (const part of connectionString.split(';')) {
    const match = /^\s*(AccountKey|SharedAccessSignature)\s*=(.+)$/i.exec(part);
    const value = match?.[2]?.trim();
    if (value !== undefined && value !== '') out.push(value);
  }
  return out;
}
