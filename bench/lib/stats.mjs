// Small statistics helpers shared by the benchmark suites.

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The median; for an even count the upper middle value, which is what nearest rank gives. */
export const median = (values) => percentile(values, 50);

/** Least-squares slope of y over x. */
export function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Growth exponent k of time ~ length^k: the slope of log(time) over log(length). */
export const growthExponent = (lengths, times) =>
  slope(
    lengths.map((x) => Math.log(x)),
    times.map((y) => Math.log(y)),
  );
