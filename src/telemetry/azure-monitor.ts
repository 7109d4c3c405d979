/**
 * Application Insights, switched on by `APPLICATIONINSIGHTS_CONNECTION_STRING` (the Functions host
 * sets it when the app is linked to a resource). `applicationinsights` v3 (`useAzureMonitor`)
 * becomes the process's OpenTelemetry meter and logger provider, so the run metrics and logs go to
 * `customMetrics` and `traces`; the run spans go to an Azure Monitor span exporter installed for
 * `reportRun`, because they are built with their own provider to keep their deterministic ids.
 *
 * Its HTTP and Azure SDK auto-instrumentations stay off: the Http connector writes each action's
 * `traceparent` itself (an instrumentation would overwrite it with a span of its own, and trigger
 * requests are already reported by the Functions host).
 *
 * The packages take about a second to load, so they load only when the setting is present, in the
 * background; runs that end before they are ready wait for them.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { installSpanExporter } from './exporter';
import { telemetryResource } from './resource';

export const CONNECTION_SETTING = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

/** Starts the export when the connection string is set; true when it did. */
export function startApplicationInsights(env: NodeJS.ProcessEnv = process.env): boolean {
  const connectionString = env[CONNECTION_SETTING]?.trim();
  if (connectionString === undefined || connectionString === '') return false;
  installSpanExporter(start(connectionString, env));
  return true;
}

async function start(connectionString: string, env: NodeJS.ProcessEnv): Promise<SpanExporter | undefined> {
  try {
    const [{ useAzureMonitor }, { AzureMonitorTraceExporter }] = await Promise.all([
      import('applicationinsights'),
      import('@azure/monitor-opentelemetry-exporter'),
    ]);
    useAzureMonitor({
      azureMonitorExporterOptions: { connectionString },
      resource: telemetryResource(env),
      instrumentationOptions: { http: { enabled: false }, azureSdk: { enabled: false } },
    });
    return new AzureMonitorTraceExporter({ connectionString });
  } catch (error) {
    // A malformed connection string must not stop the app: runs go on without telemetry.
    console.warn(`Application Insights did not start (${CONNECTION_SETTING}): ${(error as Error).message}`);
    return undefined;
  }
}
