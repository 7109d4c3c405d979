// `npm run bench`: Flowline beside its peers and beside direct backend calls, printed as one markdown
// table and written into docs/performance.md. The other scripts in this folder are benchmarks of one
// part each, run on their own with node.
// Usage: npm run bench [-- options]; `node bench/run.mjs --help` lists them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startBackend } from './lib/backend.mjs';
import { describeMachine } from './lib/machine.mjs';
import { parseOptions } from './lib/options.mjs';
import { describeRevision } from './lib/revision.mjs';
import { Report, writeResults } from './lib/report.mjs';
import { writeWorkflows } from './lib/workflows.mjs';
import { profiles } from './suites/profile.mjs';
import { chains, foreachItems, parallelBranches } from './suites/shapes.mjs';
import { soak, sustained } from './suites/sustained.mjs';
import { syncOneHttp } from './suites/sync-one-http.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const options = parseOptions(process.argv.slice(2));
const began = performance.now();
const workDir = mkdtempSync(join(tmpdir(), 'flowline-bench-'));
const backend = await startBackend();
const workflowsDir = join(workDir, 'workflows');
writeWorkflows(workflowsDir, backend.url, options);
const elapsed = () => `${Math.round((performance.now() - began) / 1000)} s`;
const ctx = {
  options,
  backend,
  workDir,
  workflowsDir,
  report: new Report(),
  log: (message) => process.stderr.write(`[bench ${elapsed()}] ${message}\n`),
};

const suites = {
  sync: () => syncOneHttp(ctx),
  chains: () => chains(ctx),
  parallel: () => parallelBranches(ctx),
  foreach: async () => {
    for (const items of options.foreachSizes) await foreachItems(ctx, items, options.reps);
  },
  sustained: () => sustained(ctx),
  soak: () => soak(ctx),
};

try {
  if (options.profile) {
    console.log(await profiles(ctx));
  } else {
    // A suite that breaks gets a row saying so; the others still run and the table is still written.
    for (const name of options.only) {
      try {
        await suites[name]();
      } catch (error) {
        process.exitCode = 1;
        ctx.log(`suite ${name} failed: ${error.stack ?? error}`);
        ctx.report.notMeasured({
          workload: `suite '${name}'`,
          system: 'Flowline',
          reason: `failed: ${error.message}`,
        });
      }
    }
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    const block = [
      `Measured ${date} UTC on ${describeMachine()}, ${describeRevision(root)}, with \`${command}\` (${elapsed()} in all, after the build).`,
      `Median of the repetitions in the Reps column; the baseline was measured in the same repetitions.`,
      `Ratio: how many times the baseline's time (or, for rates, the baseline's rate ÷ the system's) — 1.0× is the floor.`,
      '',
      ctx.report.markdown(),
    ].join('\n');
    console.log(`\n${block}`);
    if (options.out) {
      await writeResults(resolve(root, options.out), block, 'Performance');
      ctx.log(`wrote ${options.out}`);
    }
  }
} finally {
  await backend.close();
  rmSync(workDir, { recursive: true, force: true });
}
