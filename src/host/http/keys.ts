/**
 * Function keys for `--require-keys`. Core Tools disables authorization locally; this host enforces
 * `authLevel` only on request, with keys kept in `<appDir>/.flowline/keys.json` (created on first
 * start, new functions get a key added). A key is presented as `?code=` or `x-functions-key`.
 * `function` level accepts the function's keys, any host key or the master key; `admin` only the master key.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';

export interface KeyFile {
  masterKey: string;
  hostKeys: Record<string, string>;
  functionKeys: Record<string, Record<string, string>>;
  systemKeys: Record<string, string>;
}

export function newKey(): string {
  return randomBytes(40).toString('base64url');
}

export class KeyStore {
  private constructor(
    readonly path: string,
    readonly keys: KeyFile,
  ) {}

  /** Loads or creates the key file and makes sure every named function has a `default` key. */
  static open(appDir: string, functionNames: readonly string[]): KeyStore {
    const path = join(appDir, '.flowline', 'keys.json');
    const keys: KeyFile = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as KeyFile)
      : { masterKey: newKey(), hostKeys: { default: newKey() }, functionKeys: {}, systemKeys: {} };
    keys.hostKeys ??= {};
    keys.functionKeys ??= {};
    keys.systemKeys ??= {};
    let changed = !existsSync(path);
    for (const name of functionNames) {
      if (!keys.functionKeys[name]?.['default']) {
        keys.functionKeys[name] = { ...keys.functionKeys[name], default: newKey() };
        changed = true;
      }
    }
    const store = new KeyStore(path, keys);
    if (changed) store.save();
    return store;
  }

  /** A system key (e.g. `durabletask_extension`), created on first use. */
  systemKey(name: string): string {
    const existing = this.keys.systemKeys[name];
    if (existing) return existing;
    const created = newKey();
    this.keys.systemKeys[name] = created;
    this.save();
    return created;
  }

  authorize(authLevel: string, functionName: string, presented: string | undefined): boolean {
    const level = authLevel.toLowerCase();
    if (level === 'anonymous') return true;
    if (!presented) return false;
    if (same(presented, this.keys.masterKey)) return true;
    if (level === 'admin') return false;
    if (level === 'system') return Object.values(this.keys.systemKeys).some((k) => same(presented, k));
    const candidates = [
      ...Object.values(this.keys.hostKeys),
      ...Object.values(this.keys.functionKeys[functionName] ?? {}),
    ];
    return candidates.some((k) => same(presented, k));
  }

  private save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, `${JSON.stringify(this.keys, null, 2)}\n`, { mode: 0o600 });
  }
}

export function presentedKey(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers['x-functions-key'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  return url.searchParams.get('code') ?? fromHeader ?? undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
