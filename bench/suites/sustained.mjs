// Workloads 2 and 3: sustained runs/s of the one-Http workflow with 50 callers (beside the same calls
// made directly), the host's peak RSS during it, and a steady-load soak that samples the host's RSS
// to show whether memory grows with time.
import { withFlowline } from '../lib/host.mjs';
import { throughput } from '../lib/load.mjs';
import { readMemory, resetPeak, sampleMemory } from '../lib/rss.mjs';
import { median, slope } from '../lib/stats.mjs';

export async function sustained(ctx) {
  const { backend, options, report } = ctx;
  const callers = options.sustainedCallers;
  const workload = `Sustained one-Http runs, ${callers} callers`;
  await withFlowline(ctx, async (host) => {
    for (let i = 0; i < 30; i++) await host.invoke('one-http');
    const idle = readMemory(host.pid).rss;
    const rates = [];
    const directRates = [];
    const peaks = [];
    for (let rep = 0; rep < options.reps; rep++) {
      ctx.log(`${workload}, repetition ${rep + 1}`);
      const sampler = resetPeak(host.pid) ? undefined : sampleMemory(host.pid, 100);
      rates.push(await throughput(callers, options.seconds * 1000, () => host.invoke('one-http')));
      peaks.push(sampler ? Math.max(...sampler.stop().samples.map((s) => s.rss)) : readMemory(host.pid).hwm);
      directRates.push(await throughput(callers, options.seconds * 1000, backend.direct));
    }
    report.add({
      workload,
      system: 'Flowline',
      measure: `runs/s (${options.seconds} s/rep)`,
      unit: 'runs/s',
      values: rates,
      baselines: directRates,
      kind: 'rate',
    });
    report.add({
      workload,
      system: 'Flowline host process',
      measure: 'peak RSS during the run (VmHWM)',
      unit: 'MiB',
      values: peaks,
      baselines: [idle],
      baselineName: 'idle after warm-up',
    });
  });
}

export async function soak(ctx) {
  const { options, report } = ctx;
  const callers = options.soakCallers;
  const minutes = options.soakMinutes;
  const workload = `Soak: one-Http runs, ${callers} callers, ${minutes} min`;
  await withFlowline(ctx, async (host) => {
    for (let i = 0; i < 30; i++) await host.invoke('one-http');
    const idle = readMemory(host.pid).rss;
    ctx.log(`${workload}: running`);
    // About 40 samples whatever the length, at least one every 15 s.
    const sampler = sampleMemory(host.pid, Math.min(15_000, (minutes * 60_000) / 40));
    const perMinute = [];
    const slices = Math.max(1, Math.round(minutes));
    for (let i = 0; i < slices; i++) {
      perMinute.push(await throughput(callers, (minutes * 60_000) / slices, () => host.invoke('one-http')));
    }
    const { samples, hwm } = sampler.stop();
    const rss = samples.map((s) => s.rss);
    const mibPerMinute = (part) =>
      slope(
        part.map((s) => s.atMs / 60_000),
        part.map((s) => s.rss),
      );
    // The first half includes the heap growing to its working size; the second half shows a trend.
    const secondHalf = samples.slice(Math.floor(samples.length / 2));
    const row = (measure, unit, value, kind = 'none') =>
      report.add({
        workload,
        system: 'Flowline host process',
        measure,
        unit,
        values: [value],
        baselines: [idle],
        baselineName: 'idle after warm-up',
        kind,
      });
    row('RSS at the first sample', 'MiB', rss[0], 'time');
    row('RSS at the last sample', 'MiB', rss[rss.length - 1], 'time');
    row('peak RSS (VmHWM, whole life of the host)', 'MiB', hwm, 'time');
    for (const [part, label] of [
      [samples, `all ${samples.length} samples`],
      [secondHalf, `second half, ${secondHalf.length} samples`],
    ]) {
      report.add({
        workload,
        system: 'Flowline host process',
        measure: `RSS slope (least squares, ${label})`,
        unit: 'MiB/min',
        values: [mibPerMinute(part)],
        kind: 'none',
      });
    }
    report.add({
      workload,
      system: 'Flowline',
      measure: `runs/s in the last ${minutes / slices === 1 ? 'minute' : 'slice'} (first slice as baseline)`,
      unit: 'runs/s',
      values: [perMinute[perMinute.length - 1]],
      baselines: [perMinute[0]],
      baselineName: 'first slice',
      kind: 'rate',
    });
    ctx.log(
      `soak RSS samples (MiB): ${rss.map((v) => Math.round(v)).join(' ')}; runs/s per slice: ${perMinute.map((v) => Math.round(v)).join(' ')}; median ${Math.round(median(perMinute))}`,
    );
  });
}
