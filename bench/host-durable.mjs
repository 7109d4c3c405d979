// Durable emulation benchmark: orchestrations on the embedded host next to a same-run baseline of
// invoking the same activity function directly in-process (through the invocation model).
// Usage: npm run build && node bench/host-durable.mjs [--store memory|file]
/* global fetch, setTimeout */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { startHost } = await import(resolve(root, 'dist/host/startHost.js'));
const { createDurableExtension } = await import(resolve(root, 'dist/host/durable/extension.js'));

const storeKind = process.argv.includes('--store')
  ? process.argv[process.argv.indexOf('--store') + 1]
  : 'file';
const dir = mkdtempSync(join(tmpdir(), 'flowline-bench-'));
const extension = createDurableExtension();
const host = await startHost({
  appDir: resolve(root, 'test/fixtures/apps/durable-basic'),
  port: 0,
  store: storeKind === 'memory' ? 'memory' : join(dir, 'store.db'),
  extensions: [extension],
  log: () => {},
});
const base = `${host.origin}/runtime/webhooks/durabletask`;

async function orchestrate(name, input) {
  const response = await fetch(`${base}/orchestrators/${name}`, {
    method: 'POST',
    body: JSON.stringify(input),
  });
  const { id } = await response.json();
  for (;;) {
    const row = extension.store.instance(id);
    if (row && (row.status === 'Completed' || row.status === 'Failed')) {
      if (row.status !== 'Completed') throw new Error(`${name} ${id} ${row.status}: ${row.output}`);
      return JSON.parse(row.output);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
}

const fn = host.runtime.functions.get('Double');
const direct = (i) =>
  host.runtime.invoke('Double', {
    inputData: [{ name: fn.triggerBindingName, data: { string: String(i) } }],
  });

const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
async function timed(fnc) {
  const t = performance.now();
  await fnc();
  return performance.now() - t;
}
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rows = [];

// warm-up
for (let i = 0; i < 20; i++) await orchestrate('Sequence', 1);
for (let i = 0; i < 200; i++) await direct(i);

const lat = [];
for (let i = 0; i < 200; i++) lat.push(await timed(() => orchestrate('Sequence', 1)));
const dlat = [];
for (let i = 0; i < 200; i++) dlat.push(await timed(() => direct(i)));
rows.push([
  'one-activity orchestration p50',
  fmt(pct(lat, 50)),
  fmt(pct(dlat, 50)),
  (pct(lat, 50) / pct(dlat, 50)).toFixed(0),
]);
rows.push([
  'one-activity orchestration p99',
  fmt(pct(lat, 99)),
  fmt(pct(dlat, 99)),
  (pct(lat, 99) / pct(dlat, 99)).toFixed(0),
]);

const chain = {};
for (const n of [10, 100, 1000]) {
  const t = await timed(() => orchestrate('Sequence', n));
  const b = await timed(async () => {
    for (let i = 0; i < n; i++) await direct(i);
  });
  chain[n] = t;
  rows.push([`sequential chain of ${n}`, fmt(t), fmt(b), (t / b).toFixed(0)]);
}
rows.push(['chain growth 100->1000 (x time for x10 steps)', (chain[1000] / chain[100]).toFixed(1), '', '']);

const fan = await timed(() => orchestrate('FanOut', 1000));
const fanBase = await timed(() => Promise.all(Array.from({ length: 1000 }, (_, i) => direct(i))));
rows.push(['fan-out/fan-in of 1000', fmt(fan), fmt(fanBase), (fan / fanBase).toFixed(0)]);

const total = 500;
let next = 0;
const sustained = await timed(() =>
  Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next < total) {
        next += 1;
        await orchestrate('Sequence', 1);
      }
    }),
  ),
);
let dnext = 0;
const dsustained = await timed(() =>
  Promise.all(
    Array.from({ length: 100 }, async () => {
      while (dnext < total) {
        dnext += 1;
        await direct(dnext);
      }
    }),
  ),
);
rows.push([
  'sustained, 100 in flight (per second)',
  `${((total / sustained) * 1000).toFixed(0)} orch/s`,
  `${((total / dsustained) * 1000).toFixed(0)} calls/s`,
  (sustained / dsustained).toFixed(0),
]);

console.log(
  `store: ${storeKind === 'memory' ? 'memory' : 'SQLite file (WAL, synchronous=FULL)'}; node ${process.version}`,
);
console.log('| measurement | durable | direct in-process | ratio (durable time / direct time) |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
await host.stop();
rmSync(dir, { recursive: true, force: true });
