// Foreach partitioning: run time and durable history size of a Foreach over 1,000, 2,000 and 4,000
// items (50 at a time), inline (FLOWLINE_FOREACH_PARTITION very large) and in partitions (250, the
// app default), on the embedded host with the SQLite store against a loopback backend. Inline runs
// cost O(n²), so by default only sizes up to 1,000 run inline (about 50 s in all).
// A measurement, not a test.
// Usage: npm run build && node bench/foreach-partition.mjs [--sizes 1000,2000,4000] [--partition 250]
//        [--inline-up-to 4000]
/* global fetch */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const arg = (name, fallback) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback;
const sizes = arg('--sizes', '1000,2000,4000').split(',').map(Number);
const partition = arg('--partition', '250');
// Inline runs cost O(n²) (every episode replays the whole history): above this size they are skipped.
const inlineUpTo = Number(arg('--inline-up-to', '1000'));

const backend = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
});
await new Promise((done) => backend.listen(0, '127.0.0.1', done));

const dir = mkdtempSync(join(tmpdir(), 'flowline-bench-partition-'));
for (const size of sizes) {
  const definition = {
    contentVersion: '1.0.0.0',
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      Each: {
        type: 'Foreach',
        foreach: `@range(0, ${size})`,
        runtimeConfiguration: { concurrency: { repetitions: 50 } },
        actions: {
          Call: {
            type: 'Http',
            inputs: { method: 'GET', uri: `http://127.0.0.1:${backend.address().port}/i` },
          },
        },
      },
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 200 },
        runAfter: { Each: ['Succeeded'] },
      },
    },
  };
  writeFileSync(join(dir, `each-${size}.json`), JSON.stringify({ definition, kind: 'Stateful' }));
}

process.env['FLOWLINE_WORKFLOWS_DIR'] = dir;
process.env['FLOWLINE_RESPONSE_TIMEOUT_SECONDS'] = '600';
const { startHost } = await import(resolve(root, 'dist/host/startHost.js'));
const { createDurableExtension } = await import(resolve(root, 'dist/host/durable/extension.js'));
const host = await startHost({
  appDir: root,
  port: 0,
  store: join(dir, 'store.db'),
  extensions: [createDurableExtension()],
  setWebsiteHostname: true,
  log: (level, _category, message) => {
    if (level === 'error' || level === 'critical') console.error(level, message);
  },
});

/** History events of one instance, as the Durable status API lists them. */
async function events(id) {
  const url = `${host.origin}/runtime/webhooks/durabletask/instances/${encodeURIComponent(id)}?showHistory=true`;
  return ((await (await fetch(url)).json()).historyEvents ?? []).length;
}

async function measure(size, partitionSize) {
  process.env['FLOWLINE_FOREACH_PARTITION'] = partitionSize;
  const started = performance.now();
  const response = await fetch(`${host.origin}/api/workflows/each-${size}/triggers/manual/invoke`, {
    method: 'POST',
  });
  const ms = performance.now() - started;
  // An inline run of thousands of items can fail outright; report it as a row.
  if (response.status !== 200) return { ms, failed: (await response.json()).detail ?? response.status };
  const runId = response.headers.get('x-flowline-run-id');
  const viewResponse = await fetch(`${host.origin}/api/workflows/each-${size}/runs/${runId}`);
  if (!viewResponse.ok) throw new Error(`run view: ${viewResponse.status} ${await viewResponse.text()}`);
  const view = await viewResponse.json();
  const refs = view.actions.find((a) => a.name === 'Each')?.partitions ?? [];
  const parts = await Promise.all(refs.map((ref) => events(ref.runId)));
  return { ms, parent: await events(runId), largest: Math.max(0, ...parts), partitions: refs.length };
}

await measure(sizes[0], partition); // warm-up: JIT, SQLite pages
console.log(
  `| items | mode | run time | events in the run's history | largest partition history | partitions |`,
);
console.log(
  `| ----: | ---- | -------: | ---------------------------: | ------------------------: | ---------: |`,
);
for (const size of sizes) {
  const modes = [
    ...(size <= inlineUpTo ? [['inline', '100000000']] : []),
    [`partitions of ${partition}`, partition],
  ];
  for (const [mode, value] of modes) {
    const m = await measure(size, value);
    if (m.failed !== undefined) {
      console.log(`| ${size} | ${mode} | failed after ${(m.ms / 1000).toFixed(1)} s: ${m.failed} | | | |`);
      continue;
    }
    const largest = m.partitions === 0 ? '-' : String(m.largest);
    console.log(
      `| ${size} | ${mode} | ${(m.ms / 1000).toFixed(1)} s | ${m.parent} | ${largest} | ${m.partitions} |`,
    );
  }
}
await host.stop();
backend.close();
