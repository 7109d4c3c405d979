// Starts the Flowline host as a child process (the `flowline start` command on the compiled app), so
// that its memory can be read from /proc and its CPU profiled with --cpu-prof.
/* global fetch */
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './child.mjs';
import { freePort } from './ports.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * `workflowsDir` holds the WDL files, `dataDir` gets the SQLite store. With `cpuProfileDir`, Node
 * writes a .cpuprofile there when the host exits (it stops on SIGINT, gracefully, for that reason).
 */
export async function startFlowline({ workflowsDir, dataDir, cpuProfileDir }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const cli = join(root, 'dist/cli/index.js');
  const args = [...profile, cli, 'start', '--port', String(port), '--store', join(dataDir, 'store.db')];
  const server = await startServer(process.execPath, [...args, '--workflows', workflowsDir], {
    cwd: root,
    // A long run can take minutes to answer; the default wait for its Response is two minutes.
    env: { FLOWLINE_RESPONSE_TIMEOUT_SECONDS: '1800' },
    readyUrl: `${origin}/`,
    stopSignal: 'SIGINT',
  });
  return {
    ...server,
    origin,
    /** Starts workflow `name` (abortable with `signal`) and returns the synchronous Response body; throws on any other status. */
    async invoke(name, signal = undefined) {
      const response = await fetch(`${origin}/api/workflows/${name}/triggers/manual/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        signal,
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${text.slice(0, 300)}`);
      return text;
    },
  };
}

/** Runs `fn(host)` on a fresh host with its own empty store under `ctx.workDir`, then stops it. */
export async function withFlowline(ctx, fn, { cpuProfileDir } = {}) {
  const dataDir = mkdtempSync(join(ctx.workDir, 'store-'));
  const host = await startFlowline({ workflowsDir: ctx.workflowsDir, dataDir, cpuProfileDir });
  try {
    return await fn(host);
  } finally {
    await host.stop();
  }
}
