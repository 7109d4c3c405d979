// Installs a peer system's npm packages into a cache folder under the OS temp folder, keyed by the
// exact versions, so that the second run of the benchmark skips the download. Never touches the
// project's own node_modules or package.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CACHE_ROOT = join(tmpdir(), 'flowline-bench-peers');

/**
 * Makes sure `packages` (["name@exact-version", ...]) are installed in their cache folder and returns
 * { dir } or { error } with a one-line reason. A folder counts as installed only once npm succeeded.
 */
export function installPeer(key, packages) {
  const dir = join(CACHE_ROOT, key);
  const marker = join(dir, '.installed');
  if (existsSync(marker)) return { dir, cached: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    'npm',
    // Few, short network retries: without a network the benchmark should say so within a minute or
    // two, not spend its time budget waiting.
    [
      'install',
      '--prefix',
      dir,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--fetch-retries=1',
      '--fetch-timeout=30000',
      ...packages,
    ],
    { encoding: 'utf8', timeout: 4 * 60_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    // npm's first error lines name the cause (code, then message); the last ones point at a log file.
    const lines = (result.stderr || result.stdout)
      .split('\n')
      .filter((l) => l && !l.includes('complete log'));
    const why = result.error?.message ?? lines.slice(0, 2).join(' ');
    return { error: `npm install ${packages.join(' ')} failed: ${why}` };
  }
  writeFileSync(marker, `${packages.join('\n')}\n`);
  return { dir, cached: false };
}
