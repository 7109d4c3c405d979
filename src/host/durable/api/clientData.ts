/**
 * The `durableClient` input binding value (protocol notes 3.1). `rpcBaseUrl` points at the webhook
 * routes on the host's own port, with the trailing slash the SDK needs for `new URL(path, base)`.
 */
export const WEBHOOK_PATH = '/runtime/webhooks/durabletask';

export function managementUrls(
  origin: string,
  hub: string,
  id: string,
  code: string | undefined,
): Record<string, string> {
  const q = `taskHub=${encodeURIComponent(hub)}&connection=Storage${code ? `&code=${code}` : ''}`;
  const instance = `${origin}${WEBHOOK_PATH}/instances/${id}`;
  return {
    id,
    statusQueryGetUri: `${instance}?${q}`,
    sendEventPostUri: `${instance}/raiseEvent/{eventName}?${q}`,
    terminatePostUri: `${instance}/terminate?reason={text}&${q}`,
    rewindPostUri: `${instance}/rewind?reason={text}&${q}`,
    purgeHistoryDeleteUri: `${instance}?${q}`,
    restartPostUri: `${instance}/restart?${q}`,
    suspendPostUri: `${instance}/suspend?reason={text}&${q}`,
    resumePostUri: `${instance}/resume?reason={text}&${q}`,
  };
}

export function clientBindingData(origin: string, hub: string, code: string | undefined): string {
  const base = `${origin}${WEBHOOK_PATH}`;
  const required = code ? `code=${code}` : '';
  const suffix = required ? `?${required}` : '';
  return JSON.stringify({
    taskHubName: hub,
    creationUrls: {
      createNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]${suffix}`,
      createAndWaitOnNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}${required ? `&${required}` : ''}`,
    },
    managementUrls: managementUrls(origin, hub, 'INSTANCEID', code),
    baseUrl: base,
    requiredQueryStringParameters: required,
    rpcBaseUrl: `${base}/`,
  });
}
