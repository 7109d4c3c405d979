// Load generators: time one call, repeat calls, keep N callers busy for a while.
import { performance } from 'node:perf_hooks';

/** Milliseconds `fn` takes. */
export async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Latencies (ms) of `count` calls made one after another. */
export async function latencies(count, fn) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(await timed(fn));
  return out;
}

/** Completed calls per second with `callers` concurrent loops calling `fn` for `ms` milliseconds. */
export async function throughput(callers, ms, fn) {
  let done = 0;
  const until = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < until) {
      await fn();
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: callers }, loop));
  return done / ((performance.now() - start) / 1000);
}

/** Runs `fn(i)` for i in 0..count-1 with at most `concurrency` calls in flight. */
export async function pool(count, concurrency, fn) {
  let next = 0;
  const worker = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(count, concurrency) }, worker));
}
