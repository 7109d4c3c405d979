// Workload 1: one workflow with one Http action answering synchronously (HTTP trigger -> GET the
// backend -> Response with the backend's body), on Flowline and on each peer, at concurrency 1
// (p50/p99 latency) and concurrency 20 (requests/s). Each system gets its own block; inside it the
// system and the direct baseline alternate, repetition by repetition, so both see the same machine.
import { BACKEND_BODY } from '../lib/backend.mjs';
import { startFlowline } from '../lib/host.mjs';
import { latencies, throughput } from '../lib/load.mjs';
import { percentile } from '../lib/stats.mjs';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { startNodeRed } from '../peers/node-red.mjs';
import { startRestate } from '../peers/restate.mjs';

const WORKLOAD = 'One Http action, sync Response';

async function startFlowlineSystem({ workflowsDir, workDir }) {
  const host = await startFlowline({ workflowsDir, dataDir: mkdtempSync(join(workDir, 'store-')) });
  return { name: 'Flowline', version: 'this commit', call: () => host.invoke('one-http'), stop: host.stop };
}

const sameJson = (text) => JSON.stringify(JSON.parse(text)) === BACKEND_BODY;

async function measure(ctx, system) {
  const { backend, options } = ctx;
  const answer = await system.call();
  if (!sameJson(answer))
    throw new Error(`${system.name} answered ${answer.slice(0, 200)}, not the backend body`);
  for (let i = 0; i < 30; i++) await system.call();
  const r = { p50: [], p99: [], rate: [], dp50: [], dp99: [], drate: [] };
  for (let rep = 0; rep < options.reps; rep++) {
    const own = await latencies(options.latencyCalls, system.call);
    const direct = await latencies(options.latencyCalls, backend.direct);
    r.p50.push(percentile(own, 50));
    r.p99.push(percentile(own, 99));
    r.dp50.push(percentile(direct, 50));
    r.dp99.push(percentile(direct, 99));
    r.rate.push(await throughput(20, options.seconds * 1000, system.call));
    r.drate.push(await throughput(20, options.seconds * 1000, backend.direct));
  }
  const label = `${system.name} (${system.version})`;
  const row = (measure, unit, values, baselines, kind) =>
    ctx.report.add({ workload: WORKLOAD, system: label, measure, unit, values, baselines, kind });
  row(`p50 latency, concurrency 1 (${options.latencyCalls} calls/rep)`, 'ms', r.p50, r.dp50, 'time');
  row(`p99 latency, concurrency 1 (${options.latencyCalls} calls/rep)`, 'ms', r.p99, r.dp99, 'time');
  row(`throughput, concurrency 20 (${options.seconds} s/rep)`, 'req/s', r.rate, r.drate, 'rate');
}

const SYSTEMS = [
  ['Flowline', startFlowlineSystem],
  ['Node-RED', startNodeRed],
  ['Restate', startRestate],
];

export async function syncOneHttp(ctx) {
  const args = { backendUrl: ctx.backend.url, workDir: ctx.workDir, workflowsDir: ctx.workflowsDir };
  for (const [name, start] of SYSTEMS) {
    const notMeasured = (system, reason) => {
      ctx.report.notMeasured({ workload: WORKLOAD, system, reason });
      ctx.log(`${system}: not measured: ${reason}`);
    };
    if (name !== 'Flowline' && !ctx.options.peers) {
      notMeasured(name, 'skipped (--no-peers)');
      continue;
    }
    let system;
    try {
      system = await start(args);
    } catch (error) {
      system = { name, error: error.message };
    }
    if (system.error) {
      notMeasured(`${system.name} ${system.version ?? ''}`.trim(), system.error);
      continue;
    }
    ctx.log(`${system.name}: measuring`);
    try {
      await measure(ctx, system);
    } catch (error) {
      notMeasured(system.name, `failed while measuring: ${error.message}`);
    } finally {
      await system.stop();
    }
  }
}
