/**
 * The OpenAPI 3.0 document of a workflows folder (3.0 because that is what API Management imports):
 * one operation per Request trigger, at the route the workflow API serves it, with the trigger's
 * schema as the request body, the statically known Response actions as responses, the API's own
 * answers (202 with `Location`, problem details for 400/401/403/429/502) and an OpenID Connect
 * security scheme for Entra ID.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../expressions/values';
import { text } from '../engine/text';
import type { CatalogEntry } from '../functions/workflows/catalog';
import { requestRoute } from '../functions/workflows/request-route';
import { toOpenApiSchema } from './openapi-schema';

export interface OpenApiOptions {
  readonly title: string;
  readonly version: string;
  /** e.g. `https://contoso.azure-api.net/flowline`; default a relative `/api`. */
  readonly serverUrl?: string;
  /** Entra tenant id or domain, for the OpenID Connect discovery URL; default `common`. */
  readonly tenant?: string;
}

type Doc = Record<string, unknown>;

export function openApiDocument(entries: readonly CatalogEntry[], options: OpenApiOptions): Doc {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of entries) {
    if (entry.definition === undefined) continue;
    const triggers = isJsonObject(entry.definition.triggers) ? entry.definition.triggers : {};
    for (const [name, trigger] of Object.entries(triggers)) {
      const route = isJsonObject(trigger) ? requestRoute(entry.name, name, trigger) : undefined;
      if (route === undefined) continue;
      const method = route.method.toLowerCase();
      (paths[route.path] ??= {})[method] = operation(entry, name, route.inputs, route.relativePath, method);
    }
  }
  const tenant = encodeURIComponent(options.tenant ?? 'common');
  return {
    openapi: '3.0.3',
    info: { title: options.title, version: options.version },
    servers: [{ url: options.serverUrl ?? '/api' }],
    paths,
    components: {
      schemas: { Problem: PROBLEM },
      securitySchemes: {
        entra: {
          type: 'openIdConnect',
          openIdConnectUrl: `https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`,
        },
      },
    },
    security: [{ entra: [] }],
  };
}

function operation(
  entry: CatalogEntry,
  trigger: string,
  inputs: JsonObject,
  relative: string,
  method: string,
): Doc {
  const definition = entry.definition ?? {};
  const metadata = isJsonObject(definition.metadata) ? definition.metadata : {};
  const summary = text(metadata.summary ?? definition.description ?? `Run workflow '${entry.name}'`);
  const parameters = [...relative.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const hasBody = !['get', 'delete', 'head'].includes(method);
  return {
    operationId: operationId(entry.name, trigger),
    summary: summary.split(/(?<=\.)\s/)[0] ?? summary,
    ...(summary.includes('. ') ? { description: summary } : {}),
    tags: [entry.name],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(hasBody
      ? {
          requestBody: {
            required: inputs.schema !== undefined,
            content: { 'application/json': { schema: toOpenApiSchema(inputs.schema ?? {}) } },
          },
        }
      : {}),
    responses: { ...workflowResponses(definition.actions), ...API_RESPONSES },
  };
}

/** `order-intake` + `manual` → `orderIntake_manual`. */
export function operationId(workflow: string, trigger: string): string {
  const camel = workflow.replace(/[-_.\s]+(\w)/g, (_m, c: string) => c.toUpperCase());
  return `${camel}_${trigger.replace(/\W+/g, '_')}`;
}

/** Response actions with a literal status code, by status; the body schema when it is declared or literal. */
function workflowResponses(actions: JsonValue | undefined): Record<string, Doc> {
  const out: Record<string, Doc> = {};
  const visit = (value: JsonValue | undefined): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isJsonObject(value)) return;
    if (text(value.type).toLowerCase() === 'response' && isJsonObject(value.inputs)) {
      const status = value.inputs.statusCode;
      if (typeof status === 'number' || (typeof status === 'string' && /^\d{3}$/.test(status))) {
        out[String(status)] ??= responseOf(value.inputs);
      }
    }
    Object.values(value).forEach(visit);
  };
  visit(actions);
  return out;
}

function responseOf(inputs: JsonObject): Doc {
  const body = inputs.body;
  const description =
    typeof inputs.description === 'string' ? inputs.description : "The workflow's Response.";
  if (body === undefined || body === null) return { description };
  const schema = inputs.schema !== undefined ? toOpenApiSchema(inputs.schema) : shapeOf(body);
  const type = typeof body === 'string' && !body.startsWith('@') ? 'text/plain' : 'application/json';
  return { description, content: { [type]: { schema } } };
}

/** A schema from a literal body: object keys and value types; expressions are left open. */
function shapeOf(value: JsonValue): Doc {
  if (typeof value === 'string')
    return value.startsWith('@') && !value.startsWith('@{') ? {} : { type: 'string' };
  if (typeof value === 'number') return { type: 'number' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (Array.isArray(value)) return { type: 'array', items: value[0] === undefined ? {} : shapeOf(value[0]) };
  if (isJsonObject(value)) {
    return {
      type: 'object',
      properties: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])),
    };
  }
  return {};
}

const PROBLEM = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    runId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { pointer: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const problem = (description: string): Doc => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const API_RESPONSES: Record<string, Doc> = {
  '202': {
    description: 'The run started and has not answered yet (or the workflow has no Response): poll Location.',
    headers: {
      Location: { description: 'The run.', schema: { type: 'string' } },
      'Retry-After': { description: 'Seconds to wait before polling.', schema: { type: 'integer' } },
    },
  },
  '400': problem('The body does not match the trigger schema; `errors` lists every violation.'),
  '401': problem('No valid token.'),
  '403': problem('The token lacks a required role or claim.'),
  '429': problem('Too many requests, or too many runs waiting for a concurrency slot; see Retry-After.'),
  '502': problem('The run ended without sending a response.'),
};
