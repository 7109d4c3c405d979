// Workload 2: the shapes of a run. Sequential chains of 10, 100 and 1,000 Http calls (with the growth
// exponent), a Foreach over many items at concurrency 50, and 100 parallel branches. Each beside a
// baseline that makes the same backend calls from the bench process, in the same repetition.
/* global AbortSignal */
import { withFlowline } from '../lib/host.mjs';
import { pool, timed } from '../lib/load.mjs';
import { growthExponent } from '../lib/stats.mjs';

const sequential = (backend, n) => async () => {
  for (let i = 0; i < n; i++) await backend.direct();
};

export async function chains(ctx) {
  const { backend, options, report } = ctx;
  const lengths = options.chains;
  await withFlowline(ctx, async (host) => {
    for (let i = 0; i < 10; i++) await host.invoke('one-http');
    await host.invoke(`chain-${lengths[0]}`);
    const own = lengths.map(() => []);
    const direct = lengths.map(() => []);
    const exponents = [];
    const directExponents = [];
    for (let rep = 0; rep < options.reps; rep++) {
      for (const [i, n] of lengths.entries()) {
        ctx.log(`chain of ${n}, repetition ${rep + 1}`);
        own[i].push(await timed(() => host.invoke(`chain-${n}`)));
        direct[i].push(await timed(sequential(backend, n)));
      }
      exponents.push(
        growthExponent(
          lengths,
          own.map((times) => times[rep]),
        ),
      );
      directExponents.push(
        growthExponent(
          lengths,
          direct.map((times) => times[rep]),
        ),
      );
    }
    for (const [i, n] of lengths.entries()) {
      report.add({
        workload: `Sequential chain of ${n.toLocaleString('en-US')} Http actions`,
        system: 'Flowline',
        measure: 'run time (sync Response)',
        unit: n >= 1000 ? 's' : 'ms',
        values: own[i],
        baselines: direct[i],
      });
    }
    report.add({
      workload: `Chain growth, lengths ${lengths.join('/')}`,
      system: 'Flowline',
      measure: 'exponent k in time ~ length^k',
      unit: 'exponent',
      values: exponents,
      baselines: directExponents,
      kind: 'none',
    });
  });
}

export async function parallelBranches(ctx) {
  const { backend, options, report } = ctx;
  const n = options.branches;
  await withFlowline(ctx, async (host) => {
    await host.invoke(`parallel-${n}`);
    const own = [];
    const direct = [];
    for (let rep = 0; rep < options.reps; rep++) {
      own.push(await timed(() => host.invoke(`parallel-${n}`)));
      direct.push(await timed(() => Promise.all(Array.from({ length: n }, backend.direct))));
    }
    report.add({
      workload: `${n} parallel branches, one Http action each`,
      system: 'Flowline',
      measure: 'run time (sync Response)',
      unit: 'ms',
      values: own,
      baselines: direct,
    });
  });
}

/** Foreach runs of `items`; a run that takes longer than the limit is abandoned and reported as such. */
export async function foreachItems(ctx, items, reps) {
  const { backend, options, report } = ctx;
  const c = options.foreachConcurrency;
  const workload = `Foreach over ${items.toLocaleString('en-US')} items, concurrency ${c}`;
  const own = [];
  const direct = [];
  for (let rep = 0; rep < reps; rep++) {
    ctx.log(`${workload}, repetition ${rep + 1}`);
    // A fresh host per repetition: an abandoned run would otherwise keep loading the next one.
    const before = backend.calls();
    const outcome = await withFlowline(ctx, async (host) => {
      try {
        return {
          ms: await timed(() =>
            host.invoke(`foreach-${items}`, AbortSignal.timeout(options.foreachLimitSeconds * 1000)),
          ),
        };
      } catch (error) {
        if (error.name !== 'TimeoutError') throw error;
        return { calls: backend.calls() - before };
      }
    });
    if (outcome.ms === undefined) {
      const reason = `did not finish within the ${options.foreachLimitSeconds} s limit (--foreach-limit-seconds); ${outcome.calls.toLocaleString('en-US')} of ${items.toLocaleString('en-US')} backend calls were made by then`;
      report.notMeasured({ workload, system: 'Flowline', reason });
      return;
    }
    own.push(outcome.ms);
    direct.push(await timed(() => pool(items, c, backend.direct)));
  }
  report.add({
    workload,
    system: 'Flowline',
    measure: 'run time (sync Response)',
    unit: 's',
    values: own,
    baselines: direct,
  });
}
