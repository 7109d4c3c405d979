// Workflow runtime benchmark: workflows served by the embedded host (real SQLite store, real HTTP
// backend on loopback), each next to a same-run baseline that does the same backend calls directly
// from this process. Ratios, not absolute numbers, are what compare across machines.
// Usage: npm run build && node bench/workflows.mjs [--store memory] [--seconds 10]
/* global fetch, setInterval, clearInterval */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const arg = (name, fallback) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback;
const seconds = Number(arg('--seconds', '10'));

const backend = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
await new Promise((done) => backend.listen(0, '127.0.0.1', done));
const backendUrl = `http://127.0.0.1:${backend.address().port}/item`;

// The workflows, written to a folder the host serves.
const dir = mkdtempSync(join(tmpdir(), 'flowline-bench-wf-'));
const http = (runAfter) => ({ type: 'Http', inputs: { method: 'GET', uri: backendUrl }, runAfter });
const workflow = (actions, responseAfter, body) => ({
  definition: {
    $schema:
      'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
    contentVersion: '1.0.0.0',
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      ...actions,
      Reply: { type: 'Response', kind: 'Http', inputs: { statusCode: 200, body }, runAfter: responseAfter },
    },
  },
  kind: 'Stateful',
});
const chain = {};
for (let i = 1; i <= 10; i++) chain[`Call_${i}`] = http(i === 1 ? {} : { [`Call_${i - 1}`]: ['Succeeded'] });
const write = (name, value) => writeFileSync(join(dir, `${name}.json`), JSON.stringify(value));
write('one-http', workflow({ Call: http({}) }, { Call: ['Succeeded'] }, "@body('Call')"));
write('chain-10', workflow(chain, { Call_10: ['Succeeded'] }, "@body('Call_10')"));
write(
  'foreach-1000',
  workflow(
    {
      Each: {
        type: 'Foreach',
        foreach: '@range(0, 1000)',
        runtimeConfiguration: { concurrency: { repetitions: 50 } },
        actions: { Call: http({}) },
        runAfter: {},
      },
    },
    { Each: ['Succeeded'] },
    "@length(result('Each'))",
  ),
);

process.env['FLOWLINE_WORKFLOWS_DIR'] = dir;
process.env['FLOWLINE_RESPONSE_TIMEOUT_SECONDS'] = '600';
const { startHost } = await import(resolve(root, 'dist/host/startHost.js'));
const { createDurableExtension } = await import(resolve(root, 'dist/host/durable/extension.js'));
const store = arg('--store', 'file') === 'memory' ? 'memory' : join(dir, 'store.db');
const host = await startHost({
  appDir: root,
  port: 0,
  store,
  extensions: [createDurableExtension()],
  log: () => {},
});

async function invoke(name) {
  const response = await fetch(`${host.origin}/api/workflows/${name}/triggers/manual/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${name}: ${response.status} ${text}`);
  return text;
}
const direct = async () => (await fetch(backendUrl)).text();
const directMany = async (count, concurrency) => {
  let next = 0;
  const worker = async () => {
    while (next++ < count) await direct();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const median = (xs) => pct(xs, 50);
async function timed(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
async function samples(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await timed(fn));
  return out;
}
/** Completed calls per second with `callers` concurrent loops for `ms`. */
async function throughput(callers, ms, fn) {
  let done = 0;
  const until = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < until) {
      await fn();
      done++;
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: callers }, loop));
  return done / ((performance.now() - t) / 1000);
}

const rows = [];
const row = (name, flowline, baseline, unit, higherIsBetter = false) =>
  rows.push([
    name,
    `${flowline.toFixed(1)} ${unit}`,
    `${baseline.toFixed(1)} ${unit}`,
    `${(higherIsBetter ? baseline / flowline : flowline / baseline).toFixed(1)}x`,
  ]);

// Warm-up: JIT, connection pools, SQLite pages.
for (let i = 0; i < 30; i++) await invoke('one-http');
await invoke('chain-10');
for (let i = 0; i < 100; i++) await direct();

const one = await samples(200, () => invoke('one-http'));
const oneDirect = await samples(200, direct);
row('one Http action, sync response: p50', median(one), median(oneDirect), 'ms');
row('one Http action, sync response: p99', pct(one, 99), pct(oneDirect, 99), 'ms');

const ten = await samples(30, () => invoke('chain-10'));
const tenDirect = await samples(30, async () => {
  for (let i = 0; i < 10; i++) await direct();
});
row('10 sequential Http actions: p50', median(ten), median(tenDirect), 'ms');

const each = await samples(3, () => invoke('foreach-1000'));
const eachDirect = await samples(3, () => directMany(1000, 50));
row('Foreach 1,000 items, concurrency 50: median', median(each), median(eachDirect), 'ms');

const rss = [];
const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
const sustained = await throughput(50, seconds * 1000, () => invoke('one-http'));
clearInterval(sampler);
const sustainedDirect = await throughput(50, seconds * 1000, direct);
row(`sustained one-Http runs, 50 callers, ${seconds} s`, sustained, sustainedDirect, 'runs/s', true);

console.log(`store: ${store === 'memory' ? 'memory' : 'SQLite file'}; node ${process.version}`);
console.table(
  rows.map(([workload, flowline, baseline, ratio]) => ({
    workload,
    flowline,
    'baseline (direct)': baseline,
    'flowline / baseline': ratio,
  })),
);
console.log(
  `peak RSS during the sustained run (host and callers in one process): ${(Math.max(...rss) / 2 ** 20).toFixed(0)} MiB`,
);

await host.stop();
backend.close();
