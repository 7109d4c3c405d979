/**
 * The OpenTelemetry resource every span, metric and log of this app carries. Application Insights
 * shows `service.name` as the cloud role name: the Function App's name on Azure
 * (`WEBSITE_SITE_NAME`), `OTEL_SERVICE_NAME` when set, else `flowline`.
 */
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { version } from '../version';

export function telemetryResource(env: NodeJS.ProcessEnv = process.env): Resource {
  const name = env['OTEL_SERVICE_NAME'] ?? env['WEBSITE_SITE_NAME'] ?? 'flowline';
  return resourceFromAttributes({
    'service.name': name,
    'service.version': version,
    ...(env['WEBSITE_INSTANCE_ID'] === undefined
      ? {}
      : { 'service.instance.id': env['WEBSITE_INSTANCE_ID'] }),
  });
}
