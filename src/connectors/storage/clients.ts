/**
 * SDK clients for a connection, cached per connection (the key holds the setting's name and a digest
 * of its values, never the values). The SDKs' own retries are off: the engine retries under the
 * action's retry policy, so a failure is reported at once with its retry class.
 */
import { createHash } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueServiceClient } from '@azure/storage-queue';
import { TerminalError } from '../errors';
import { type StorageService, type StorageTarget, storageTarget } from './connection';

export type CredentialFactory = (clientId: string | undefined) => TokenCredential;

/** Managed identity: a user-assigned one when a client id is set, else DefaultAzureCredential. */
export const defaultCredential: CredentialFactory = (clientId) =>
  clientId === undefined ? new DefaultAzureCredential() : new ManagedIdentityCredential({ clientId });

export interface StorageOptions {
  /** How an identity-based connection gets its credential (tests pass their own). */
  readonly credential?: CredentialFactory;
  /** How long one operation (all its calls) may take before it fails as a retryable Timeout. Default 100 s. */
  readonly timeoutMs?: number;
}

/** A client and the strings that must be scrubbed from any message about it. */
export interface Connected<C> {
  readonly client: C;
  readonly secrets: readonly string[];
}

export class StorageClients {
  private readonly cache = new Map<string, Connected<unknown>>();
  private readonly credentials = new Map<string, TokenCredential>();
  private readonly credential: CredentialFactory;
  private readonly timeoutMs: number;

  constructor(options: StorageOptions = {}) {
    this.credential = options.credential ?? defaultCredential;
    this.timeoutMs = options.timeoutMs ?? 100_000;
  }

  /** The abort signal of one operation: its calls share one deadline, as an Http attempt does. */
  deadline(): AbortSignal {
    return AbortSignal.timeout(this.timeoutMs);
  }

  blob(connection: string, env: NodeJS.ProcessEnv): Connected<BlobServiceClient> {
    return this.connect('blob', connection, env, [], (target) =>
      target.kind === 'connectionString'
        ? BlobServiceClient.fromConnectionString(target.connectionString, { retryOptions: { maxTries: 1 } })
        : new BlobServiceClient(target.url, this.identity(target.clientId), {
            retryOptions: { maxTries: 1 },
          }),
    );
  }

  queue(connection: string, env: NodeJS.ProcessEnv): Connected<QueueServiceClient> {
    return this.connect('queue', connection, env, [], (target) =>
      target.kind === 'connectionString'
        ? QueueServiceClient.fromConnectionString(target.connectionString, { retryOptions: { maxTries: 1 } })
        : new QueueServiceClient(target.url, this.identity(target.clientId), {
            retryOptions: { maxTries: 1 },
          }),
    );
  }

  table(connection: string, table: string, env: NodeJS.ProcessEnv): Connected<TableClient> {
    const options = { retryOptions: { maxRetries: 0 } };
    return this.connect('table', connection, env, [table], (target) =>
      target.kind === 'connectionString'
        ? TableClient.fromConnectionString(target.connectionString, table, {
            ...options,
            allowInsecureConnection: /TableEndpoint\s*=\s*http:/i.test(target.connectionString),
          })
        : new TableClient(target.url, table, this.identity(target.clientId), options),
    );
  }

  private identity(clientId: string | undefined): TokenCredential {
    const key = clientId ?? '';
    let credential = this.credentials.get(key);
    if (credential === undefined) {
      credential = this.credential(clientId);
      this.credentials.set(key, credential);
    }
    return credential;
  }

  private connect<C>(
    service: StorageService,
    connection: string,
    env: NodeJS.ProcessEnv,
    extra: readonly string[],
    create: (target: StorageTarget) => C,
  ): Connected<C> {
    const target = storageTarget(connection, service, env);
    const digest = createHash('sha256').update(JSON.stringify(target)).digest('base64url');
    const key = JSON.stringify([service, connection, digest, ...extra]);
    const hit = this.cache.get(key) as Connected<C> | undefined;
    if (hit !== undefined) return hit;
    const secrets = target.kind === 'connectionString' ? target.secrets : [];
    let client: C;
    try {
      client = create(target);
    } catch (error) {
      // SDK parse errors do not print the value, but scrub them anyway.
      const detail = scrub(error instanceof Error ? error.message : String(error), secrets);
      throw new TerminalError(
        'InvalidConnection',
        `App setting '${connection}' does not hold a usable storage connection: ${detail}`,
      );
    }
    const connected = { client, secrets };
    this.cache.set(key, connected);
    return connected;
  }
}

/** `text` with account keys, SAS tokens and signatures replaced by a mask. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('*****');
  return out
    .replace(/(AccountKey|SharedAccessSignature)=[^;\s]+/gi, '$1=*****')
    .replace(/(\bsig=)[^&\s'"]+/gi, '$1*****');
}
