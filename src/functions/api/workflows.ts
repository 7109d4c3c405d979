/** `GET /api/workflows`: the workflows this app serves, with their triggers, URLs and problems. */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { isJsonObject } from '../../expressions/values';
import { catalog } from './shared';

export async function listWorkflows(request: HttpRequest): Promise<HttpResponseInit> {
  const origin = new URL(request.url).origin;
  const entries = await catalog().list();
  const value = entries.map((entry) => {
    const triggers = isJsonObject(entry.definition?.triggers) ? entry.definition.triggers : {};
    return {
      name: entry.name,
      file: entry.file,
      valid: entry.errors.length === 0,
      errors: entry.errors.map((e) => ({ pointer: e.pointer, line: e.line, message: e.message })),
      triggers: Object.entries(triggers).map(([name, trigger]) => ({
        name,
        type: isJsonObject(trigger) ? trigger.type : undefined,
        url: `${origin}/api/workflows/${encodeURIComponent(entry.name)}/triggers/${encodeURIComponent(name)}/invoke`,
      })),
    };
  });
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value }) };
}
