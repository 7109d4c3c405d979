/**
 * The Request trigger's contract with callers: method, relative path with parameters, and the
 * JSON body validated against the trigger's schema. Returns the trigger outputs for the run, or a
 * problem-details response naming every violation.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';
import { validateAgainstSchema } from '../../engine/ops/schema';
import { tooDeepProblem } from './json-depth';
import { problem } from './problem';
import { text } from '../../engine/text';

/** Headers that carry credentials never enter run history. */
const PRIVATE_HEADERS = new Set([
  'authorization',
  'cookie',
  'x-functions-key',
  'ocp-apim-subscription-key',
  'proxy-authorization',
]);

export type TriggerCall =
  | { readonly ok: true; readonly outputs: JsonObject }
  | { readonly ok: false; readonly response: HttpResponseInit };

export async function readTriggerCall(
  request: HttpRequest,
  trigger: JsonObject,
  path: string,
): Promise<TriggerCall> {
  const inputs = isJsonObject(trigger.inputs) ? trigger.inputs : {};
  const method = typeof inputs.method === 'string' ? inputs.method.toUpperCase() : undefined;
  if (method !== undefined && method !== request.method.toUpperCase()) {
    return fail(
      problem(405, 'Method not allowed', `This trigger accepts ${method} requests, not ${request.method}.`),
      { allow: method },
    );
  }
  const relative = matchRelativePath(
    typeof inputs.relativePath === 'string' ? inputs.relativePath : '',
    path,
  );
  if (relative === undefined) {
    return fail(
      problem(
        404,
        'Not found',
        `The path '${path}' does not match the trigger's relativePath '${text(inputs.relativePath ?? '')}'.`,
      ),
    );
  }
  const raw = await request.text();
  const contentType = request.headers.get('content-type') ?? '';
  let body: JsonValue = null;
  if (raw !== '') {
    const looksJson = /json/i.test(contentType) || (contentType === '' && /^\s*[[{"]/.test(raw));
    if (looksJson) {
      const tooDeep = tooDeepProblem(raw, 'request');
      if (tooDeep !== undefined) return fail(tooDeep);
      try {
        body = JSON.parse(raw) as JsonValue;
      } catch (error) {
        return fail(
          problem(
            400,
            'Invalid JSON body',
            `The request body is not valid JSON: ${(error as Error).message}`,
          ),
        );
      }
    } else body = raw;
  }
  if (inputs.schema !== undefined && isJsonObject(inputs.schema) && Object.keys(inputs.schema).length > 0) {
    const violations = validateAgainstSchema(inputs.schema, body);
    if (violations.length > 0) {
      return fail(
        problem(
          400,
          'Request body does not match the trigger schema',
          `${violations.length} violation(s) of the trigger's JSON schema.`,
          {
            errors: violations.map((v) => ({ pointer: v.pointer, message: v.message })),
          },
        ),
      );
    }
  }
  const headers: JsonObject = {};
  for (const [key, value] of request.headers)
    if (!PRIVATE_HEADERS.has(key.toLowerCase())) headers[key] = value;
  const queries: JsonObject = {};
  for (const [key, value] of request.query) queries[key] = value;
  return {
    ok: true,
    outputs: {
      headers,
      body,
      ...(Object.keys(queries).length > 0 ? { queries } : {}),
      ...(Object.keys(relative).length > 0 ? { relativePathParameters: relative } : {}),
    },
  };
}

function fail(response: HttpResponseInit, headers: Record<string, string> = {}): TriggerCall {
  return {
    ok: false,
    response: { ...response, headers: { ...(response.headers as Record<string, string>), ...headers } },
  };
}

/** Matches `orders/{id}/lines/{line}` against the request's remaining path. */
export function matchRelativePath(template: string, path: string): JsonObject | undefined {
  const want = template.split('/').filter((s) => s !== '');
  const have = path.split('/').filter((s) => s !== '');
  if (want.length !== have.length) return undefined;
  const params: JsonObject = {};
  for (let i = 0; i < want.length; i++) {
    const pattern = want[i] as string;
    const segment = decodeSegment(have[i] as string);
    const param = /^\{([^{}]+)\}$/.exec(pattern);
    if (param?.[1] !== undefined) params[param[1]] = segment;
    else if (pattern.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return params;
}

/** A path segment decoded, or as it came when its percent-encoding is malformed (`%`, `%E0%A4%A`). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
