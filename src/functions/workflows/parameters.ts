/**
 * Parameter values as Logic Apps Standard supplies them: a `parameters.json` next to the workflow
 * folders (`{"name": {"type": "String", "value": ...}}`), whose values may be app-setting references
 * (`@appsetting('Name')`), resolved when a run starts. Values given here win over the definition's
 * `defaultValue`s and the file's own `parameters`.
 *
 * Secure parameters (`SecureString`, `SecureObject`, declared in the definition or in parameters.json)
 * never carry their value into a run: an `@appsetting('Name')` value or a reference object
 * (`{"appSetting": "Name"}`, `{"vault": "...", "name": "...", "version"?: "..."}`) becomes a secret token
 * that only the activity using it resolves (see `connectors/secrets/tokens.ts`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secretToken } from '../../connectors/secrets/tokens';
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';

export interface ParametersFile {
  readonly values: JsonObject;
  /** Names of the parameters the file declares secure. */
  readonly secure: ReadonlySet<string>;
}

export async function readParametersFile(dir: string): Promise<ParametersFile> {
  let text: string;
  try {
    text = await readFile(join(dir, 'parameters.json'), 'utf8');
  } catch {
    return { values: {}, secure: new Set() };
  }
  const parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as JsonValue;
  const values: JsonObject = {};
  const secure = new Set<string>();
  if (!isJsonObject(parsed)) return { values, secure };
  for (const [name, entry] of Object.entries(parsed)) {
    if (isJsonObject(entry) && entry.value !== undefined) values[name] = entry.value;
    if (isJsonObject(entry) && isSecureType(entry.type)) secure.add(name);
  }
  return { values, secure };
}

export function isSecureType(type: JsonValue | undefined): boolean {
  return typeof type === 'string' && /^secure(string|object)$/i.test(type);
}

/** Secret tokens for the secure parameters' references; app settings resolved for the others. */
export function resolveParameters(
  values: JsonObject,
  secure: (name: string) => boolean,
  env: NodeJS.ProcessEnv = process.env,
): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = secure(name) ? secretReferenceToken(value) : resolveAppSettings(value, env);
  }
  return out;
}

function secretReferenceToken(value: JsonValue): JsonValue {
  if (typeof value === 'string') {
    const setting = APP_SETTING.exec(value)?.[1];
    return setting === undefined ? value : secretToken({ appSetting: setting });
  }
  if (isJsonObject(value) && typeof value.appSetting === 'string')
    return secretToken({ appSetting: value.appSetting });
  if (isJsonObject(value) && typeof value.vault === 'string' && typeof value.name === 'string') {
    return secretToken({
      vault: value.vault,
      name: value.name,
      ...(typeof value.version === 'string' ? { version: value.version } : {}),
    });
  }
  return value;
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
