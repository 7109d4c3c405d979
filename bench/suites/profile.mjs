// `--profile`: runs the Flowline host under `node --cpu-prof` once during a sustained run and once
// during a chain of 1,000, and prints the top functions by self time. Not part of the default run:
// the profiler slows the host, so its numbers do not belong in the results table.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { withFlowline } from '../lib/host.mjs';
import { throughput, timed } from '../lib/load.mjs';
import { profileIn, topSelfTime } from '../lib/profile.mjs';

function table(title, profile) {
  const lines = [
    `**${title}** — ${Math.round(profile.busyMs).toLocaleString('en-US')} ms busy (idle left out)`,
    '',
    '| Self time | Function | Where |',
    '| ---: | --- | --- |',
    ...profile.top.map((t) => `| ${t.percent.toFixed(1)} % | ${t.name} | ${t.location} |`),
  ];
  return lines.join('\n');
}

export async function profiles(ctx) {
  const { options } = ctx;
  const out = [];
  const workloads = [
    [
      'sustained one-Http runs, 50 callers',
      async (host) => {
        for (let i = 0; i < 30; i++) await host.invoke('one-http');
        const rate = await throughput(options.sustainedCallers, Math.max(options.seconds, 10) * 1000, () =>
          host.invoke('one-http'),
        );
        return `${Math.round(rate)} runs/s under the profiler`;
      },
    ],
    [
      `chain of ${options.chains.at(-1)} Http actions`,
      async (host) => {
        const ms = await timed(() => host.invoke(`chain-${options.chains.at(-1)}`));
        return `${(ms / 1000).toFixed(1)} s under the profiler`;
      },
    ],
  ];
  for (const [i, [name, work]] of workloads.entries()) {
    const dir = join(ctx.workDir, `profile-${i}`);
    mkdirSync(dir);
    ctx.log(`profiling: ${name}`);
    const result = await withFlowline(ctx, work, { cpuProfileDir: dir });
    out.push(table(`${name} (${result})`, topSelfTime(profileIn(dir), options.profileTop)));
  }
  return out.join('\n\n');
}
