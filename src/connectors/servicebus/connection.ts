/**
 * Where a ServiceBus action's `connection` leads, following the Functions binding convention: the
 * app setting `<connection>` holds a connection string (`Endpoint=sb://…;SharedAccessKeyName=…;
 * SharedAccessKey=…`), or `<connection>__fullyQualifiedNamespace` names the namespace reached with the
 * app's identity (`<connection>__clientId` picks a user-assigned managed identity). A `connection`
 * that is itself a connection string (a secure parameter's secret token, resolved in the activity)
 * is used as is. Values are never printed: errors name the settings only.
 */
import { TerminalError } from '../errors';

export type ServiceBusTarget =
  | {
      readonly kind: 'connectionString';
      readonly connectionString: string;
      readonly namespace: string;
      /** Text that must never show: the connection string, its key or signature. */
      readonly secrets: readonly string[];
    }
  | { readonly kind: 'identity'; readonly namespace: string; readonly clientId: string | undefined };

export function serviceBusTarget(connection: string, env: NodeJS.ProcessEnv): ServiceBusTarget {
  if (/\bEndpoint\s*=/i.test(connection)) return fromConnectionString(connection, 'inputs.connection');
  const setting = (suffix?: string): string | undefined => {
    const value = env[suffix === undefined ? connection : `${connection}__${suffix}`]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const connectionString = setting();
  if (connectionString !== undefined)
    return fromConnectionString(connectionString, `app setting '${connection}'`);
  const namespace = setting('fullyQualifiedNamespace');
  if (namespace !== undefined) {
    const host = namespace.replace(/^sb:\/\//i, '').replace(/\/+$/, '');
    if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) {
      throw new TerminalError(
        'InvalidConnection',
        `App setting '${connection}__fullyQualifiedNamespace': expected a host name such as <namespace>.servicebus.windows.net, found text that is not one.`,
      );
    }
    return { kind: 'identity', namespace: host, clientId: setting('clientId') };
  }
  throw new TerminalError(
    'ConnectionNotConfigured',
    `The connection '${connection}' is not configured: expected app setting '${connection}' (a Service Bus ` +
      `connection string) or '${connection}__fullyQualifiedNamespace' (managed identity), found neither.`,
  );
}

function fromConnectionString(value: string, where: string): ServiceBusTarget {
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const endpoint = parts.get('endpoint') ?? '';
  const namespace = /^sb:\/\/([^/]+)/i.exec(endpoint)?.[1];
  const hasKey = parts.has('sharedaccesskey') || parts.has('sharedaccesssignature');
  if (namespace === undefined || !hasKey) {
    throw new TerminalError(
      'InvalidConnection',
      `${where}: expected a Service Bus connection string (Endpoint=sb://<namespace>/;SharedAccessKeyName=…;SharedAccessKey=…), ` +
        `found one without ${namespace === undefined ? 'an sb:// Endpoint' : 'a SharedAccessKey or SharedAccessSignature'}.`,
    );
  }
  const secrets = [value, parts.get('sharedaccesskey'), parts.get('sharedaccesssignature')].filter(
    (s): s is string => s !== undefined && s.length >= 4,
  );
  return { kind: 'connectionString', connectionString: value, namespace, secrets };
}

/** `text` with every secret of `target` masked, and any key or signature that looks like one. */
export function scrub(text: string, target: ServiceBusTarget | undefined): string {
  const secrets = target?.kind === 'connectionString' ? target.secrets : [];
  const masked = [...secrets]
    .sort((a, b) => b.length - a.length)
    .reduce((acc, secret) => acc.split(secret).join('*****'), text);
  return masked.replace(/\b(SharedAccessKey|SharedAccessSignature|sig)=[^;&\s]+/gi, '$1=*****');
}
