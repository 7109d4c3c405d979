/** Reads the files that describe a Functions app: package.json, host.json, local.settings.json. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export class HostStartError extends Error {
  override readonly name = 'HostStartError';
}

export interface AppFiles {
  readonly packageJsonPath: string;
  /** package.json `main` (file or glob). */
  readonly main: string;
  /** `"module"` makes `.js` entry points ES modules. */
  readonly packageType: string | undefined;
  readonly hostJson: Record<string, unknown>;
  readonly localSettings: LocalSettings;
}

export interface LocalSettings {
  readonly values: Record<string, string>;
  readonly path: string | undefined;
  /** `Host.LocalHttpPort`: the default port of `func start` for this app. */
  readonly localHttpPort?: number;
  /** The whole `Host` section (`CORS`, `CORSCredentials`, ...). */
  readonly host?: Readonly<Record<string, unknown>>;
}

export function readAppFiles(appDir: string): AppFiles {
  const packageJsonPath = join(appDir, 'package.json');
  if (!existsSync(packageJsonPath)) {
    throw new HostStartError(
      `No package.json in ${appDir}. Point --app at the folder of your Functions app.`,
    );
  }
  const pkg = readJsonObject(packageJsonPath);
  const main = pkg['main'];
  if (typeof main !== 'string' || main.trim() === '') {
    throw new HostStartError(
      `${packageJsonPath} has no "main" field. Set it to the compiled entry points, e.g. "main": "dist/src/functions/*.js".`,
    );
  }
  const packageType = typeof pkg['type'] === 'string' ? pkg['type'] : undefined;
  const hostJsonPath = join(appDir, 'host.json');
  const hostJson = existsSync(hostJsonPath) ? readJsonObject(hostJsonPath) : {};
  return { packageJsonPath, main, packageType, hostJson, localSettings: readLocalSettings(appDir) };
}

function readLocalSettings(appDir: string): LocalSettings {
  const path = join(appDir, 'local.settings.json');
  if (!existsSync(path)) return { values: {}, path: undefined };
  const settings = readJsonObject(path);
  const raw = settings['Values'] ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HostStartError(`${path}: "Values" must be an object of setting names to strings.`);
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    values[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const hostSection = settings['Host'];
  const port =
    hostSection && typeof hostSection === 'object'
      ? (hostSection as Record<string, unknown>)['LocalHttpPort']
      : undefined;
  if (port !== undefined && !(Number.isInteger(Number(port)) && Number(port) >= 0 && Number(port) <= 65535)) {
    throw new HostStartError(
      `${path}: "Host.LocalHttpPort" must be a port number, got ${JSON.stringify(port)}.`,
    );
  }
  const host =
    hostSection && typeof hostSection === 'object' ? (hostSection as Record<string, unknown>) : undefined;
  return {
    values,
    path,
    ...(port === undefined ? {} : { localHttpPort: Number(port) }),
    ...(host ? { host } : {}),
  };
}

/**
 * Copies `Values` into `process.env` without overriding variables already set (Core Tools behaves
 * the same: the environment wins). Returns the names applied.
 */
export function applyLocalSettings(settings: LocalSettings, env: NodeJS.ProcessEnv = process.env): string[] {
  const applied: string[] = [];
  for (const [name, value] of Object.entries(settings.values)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    applied.push(name);
  }
  return applied;
}

function readJsonObject(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    // JSON files of Functions apps may start with a BOM.
    parsed = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new HostStartError(
      `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HostStartError(`${path} must contain a JSON object.`);
  }
  return parsed as Record<string, unknown>;
}
