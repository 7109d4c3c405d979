/**
 * Parameter values as Logic Apps Standard supplies them: a `parameters.json` next to the workflow
 * folders (`{"name": {"type": "String", "value": ...}}`), whose values may be app-setting references
 * (`@appsetting('Name')`), resolved when a run starts. Values given here win over the definition's
 * `defaultValue`s and the file's own `parameters`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';

export async function readParametersFile(dir: string): Promise<JsonObject> {
  let text: string;
  try {
    text = await readFile(join(dir, 'parameters.json'), 'utf8');
  } catch {
    return {};
  }
  const parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as JsonValue;
  const out: JsonObject = {};
  if (!isJsonObject(parsed)) return out;
  for (const [name, entry] of Object.entries(parsed)) {
    if (isJsonObject(entry) && entry.value !== undefined) out[name] = entry.value;
  }
  return out;
}

const APP_SETTING = /^@appsetting\('([^']+)'\)$/i;

/** Replaces `@appsetting('X')` values (at any depth) with the app setting's value. */
export function resolveAppSettings(value: JsonValue, env: NodeJS.ProcessEnv = process.env): JsonValue {
  if (typeof value === 'string') {
    const match = APP_SETTING.exec(value);
    return match?.[1] === undefined ? value : (env[match[1]] ?? null);
  }
  if (Array.isArray(value)) return value.map((item) => resolveAppSettings(item, env));
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) out[key] = resolveAppSettings(member, env);
    return out;
  }
  return value;
}
