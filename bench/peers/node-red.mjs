// Node-RED 4 running the same one-step flow: HTTP in -> HTTP request (GET the backend) -> HTTP
// response with the backend's body. Installed into the temp cache on demand; the editor and admin
// API are switched off, so no auth is needed.
/* global fetch */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/child.mjs';
import { freePort } from '../lib/ports.mjs';
import { installPeer } from './install.mjs';

export const NODE_RED_VERSION = '4.1.8';

const flows = (backendUrl) => [
  { id: 'bench-tab', type: 'tab', label: 'bench' },
  { id: 'bench-in', type: 'http in', z: 'bench-tab', url: '/bench', method: 'post', wires: [['bench-get']] },
  // Node-RED's defaults: a new connection per request (persist off), body returned as text.
  {
    id: 'bench-get',
    type: 'http request',
    z: 'bench-tab',
    method: 'GET',
    ret: 'txt',
    url: backendUrl,
    wires: [['bench-out']],
  },
  { id: 'bench-out', type: 'http response', z: 'bench-tab', statusCode: '200', headers: {}, wires: [] },
];

const settings = (port) => `module.exports = {
  uiHost: '127.0.0.1',
  uiPort: ${port},
  httpAdminRoot: false,
  httpNodeRoot: '/',
  flowFile: 'flows.json',
  credentialSecret: false,
  logging: { console: { level: 'warn', metrics: false, audit: false } },
};
`;

/** Returns { name, version, call, stop } or { name, version, error }. */
export async function startNodeRed({ backendUrl, workDir }) {
  const name = 'Node-RED';
  const installed = installPeer(`node-red-${NODE_RED_VERSION}`, [`node-red@${NODE_RED_VERSION}`]);
  if (installed.error) return { name, version: NODE_RED_VERSION, error: installed.error };
  const userDir = join(workDir, 'node-red');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'flows.json'), JSON.stringify(flows(backendUrl)));
  const port = await freePort();
  writeFileSync(join(userDir, 'settings.js'), settings(port));
  const red = join(installed.dir, 'node_modules/node-red/red.js');
  const url = `http://127.0.0.1:${port}/bench`;
  const args = [red, '--settings', join(userDir, 'settings.js'), '--userDir', userDir];
  let server;
  try {
    // The flow's URL answers 200 only once the flows are started, so it doubles as the ready check.
    server = await startServer(process.execPath, args, { cwd: userDir, readyUrl: url });
  } catch (error) {
    return { name, version: NODE_RED_VERSION, error: `could not start: ${error.message}` };
  }
  return {
    name,
    version: NODE_RED_VERSION,
    pid: server.pid,
    stop: server.stop,
    call: async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`Node-RED: HTTP ${response.status} ${text.slice(0, 200)}`);
      return text;
    },
  };
}
