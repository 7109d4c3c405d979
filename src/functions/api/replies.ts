/** The two successful answers of a trigger call: the workflow's own Response, or 202 with the run's URL. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { RunResponse } from '../../engine/run-types';

export function respondWith(response: RunResponse, runId: string): HttpResponseInit {
  const headers: Record<string, string> = { 'x-flowline-run-id': runId, ...response.headers };
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  const { body } = response;
  if (body === null || body === undefined) return { status: response.statusCode, headers };
  if (typeof body === 'string') {
    if (!hasType) headers['content-type'] = 'text/plain; charset=utf-8';
    return { status: response.statusCode, headers, body };
  }
  if (!hasType) headers['content-type'] = 'application/json; charset=utf-8';
  return { status: response.statusCode, headers, body: JSON.stringify(body) };
}

export function runUrl(request: HttpRequest, workflow: string, runId: string): string {
  return `${new URL(request.url).origin}/api/workflows/${encodeURIComponent(workflow)}/runs/${encodeURIComponent(runId)}`;
}

export function runAccepted(request: HttpRequest, workflow: string, runId: string): HttpResponseInit {
  const location = runUrl(request, workflow, runId);
  return {
    status: 202,
    headers: { location, 'retry-after': '1', 'x-flowline-run-id': runId, 'content-type': 'application/json' },
    body: JSON.stringify({ runId, workflow, statusUrl: location }),
  };
}

/** A split trigger call: `202` listing the run each item started. */
export function splitAccepted(
  request: HttpRequest,
  workflow: string,
  runIds: readonly string[],
): HttpResponseInit {
  const runs = runIds.map((runId) => ({ runId, statusUrl: runUrl(request, workflow, runId) }));
  return {
    status: 202,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workflow, runs }),
  };
}

/** Every trigger condition check failed: the call was accepted but started nothing. */
export function notStarted(reasons: readonly string[]): HttpResponseInit {
  return {
    status: 202,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      status: 'Skipped',
      reasons: reasons.map((r) => `Trigger condition '${r}' was false.`),
    }),
  };
}
