/**
 * Operation types Logic Apps has and Flowline does not run, each with what to use instead.
 * The loader turns them into one error naming the type and this advice.
 */
const advice: Readonly<Record<string, string>> = {
  apiconnection:
    "Managed API connections run in Microsoft's connector service, which Flowline does not host. Call the service's REST API with an 'Http' action (Entra ID auth via authentication.type ManagedServiceIdentity).",
  apiconnectionwebhook:
    "Managed API connections are not hosted by Flowline. Use an 'HttpWebhook' trigger or action against the service's own webhook API.",
  javascriptcode:
    "Inline code is not supported. Put the logic in a 'Compose' or 'Select' with expressions, or call a Function over 'Http'.",
  xslt: "XSLT maps are not supported. Transform with a 'Compose' expression, or call a transform service with 'Http'.",
  xmlvalidation:
    "Integration-account XML validation is not supported. Validate in a service called with 'Http'.",
  flatfiledecoding:
    "Integration-account flat-file decoding is not supported. Decode in a service called with 'Http'.",
  flatfileencoding:
    "Integration-account flat-file encoding is not supported. Encode in a service called with 'Http'.",
  agent: "Agent (AI) loops are not supported. Call your model endpoint with an 'Http' action.",
  chunktext:
    "ChunkText is not supported. Split text with expressions in a 'Select', or call a service with 'Http'.",
  parsedocument: "ParseDocument is not supported. Call a document service with 'Http'.",
  slidingwindow:
    "The SlidingWindow trigger is not supported. Use a 'Recurrence' trigger and keep the window in your own state.",
  function: "Use an 'Http' action against the Function's URL.",
  apimanagement: "Use an 'Http' action against the APIM gateway URL.",
  liquid: "Liquid maps are not supported. Transform with a 'Compose' expression or 'Select'.",
};

/** Flowline's action for a built-in service provider (`inputs.serviceProviderConfiguration.serviceProviderId`). */
const serviceProviders: Readonly<Record<string, string>> = {
  servicebus: 'ServiceBus',
  azureblob: 'BlobStorage',
  azurequeues: 'QueueStorage',
  azuretables: 'TableStorage',
  keyvault: 'KeyVaultSecret',
};

/** Advice for an unsupported type, or undefined when the type is simply unknown. */
export function unsupportedAdvice(type: string, serviceProviderId?: string): string | undefined {
  const key = type.toLowerCase();
  if (key === 'serviceprovider') {
    const provider = serviceProviderId
      ?.split('/')
      .filter((part) => part !== '')
      .at(-1);
    const flowline = provider === undefined ? undefined : serviceProviders[provider.toLowerCase()];
    return flowline === undefined
      ? `Built-in service provider '${provider ?? 'unknown'}' is not supported. Call the service's REST API with an 'Http' action.`
      : `Use Flowline's '${flowline}' action for service provider '${provider ?? ''}'.`;
  }
  return advice[key];
}
