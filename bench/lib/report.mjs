// The one results table: rows collected by the suites, rendered as markdown, and written into
// docs/performance.md between two markers so that the hand-written text around it survives a rerun.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { median } from './stats.mjs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const formats = {
  ms: (v) => `${v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms`,
  s: (v) => `${(v / 1000).toFixed(1)} s`,
  'req/s': (v) => `${Math.round(v).toLocaleString('en-US')} /s`,
  'runs/s': (v) => `${Math.round(v).toLocaleString('en-US')} runs/s`,
  MiB: (v) => `${Math.round(v)} MiB`,
  'MiB/min': (v) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} MiB/min`,
  exponent: (v) => v.toFixed(2),
};
const show = (value, unit) => (value === undefined ? '—' : formats[unit](value));

export class Report {
  rows = [];

  /**
   * A measured row from per-repetition samples of the system and of the baseline. `kind` says how the
   * ratio reads: 'time' (system / baseline) or 'rate' (baseline / system); both mean "x times the
   * floor's cost". 'none' leaves the ratio empty (memory, exponents).
   */
  add({ workload, system, measure, unit, values, baselines, kind = 'time', baselineName = 'direct' }) {
    const value = median(values);
    const baseline = baselines && baselines.length > 0 ? median(baselines) : undefined;
    let ratio = '';
    if (baseline !== undefined && kind !== 'none') {
      ratio = `${(kind === 'rate' ? baseline / value : value / baseline).toFixed(1)}×`;
    }
    this.rows.push([
      workload,
      system,
      measure,
      show(value, unit),
      baseline === undefined ? '—' : `${show(baseline, unit)} (${baselineName})`,
      ratio,
      String(values.length),
    ]);
  }

  /** A system that could not be measured, with the reason instead of a number. */
  notMeasured({ workload, system, reason }) {
    this.rows.push([
      workload,
      system,
      '—',
      `not measured: ${reason.replace(/\s+/g, ' ').slice(0, 300)}`,
      '—',
      '',
      '0',
    ]);
  }

  markdown() {
    const head = ['Workload', 'System', 'Measure', 'Median', 'Same-run baseline', 'Ratio', 'Reps'];
    const escape = (cell) => cell.replaceAll('|', '\\|');
    return [
      `| ${head.join(' | ')} |`,
      '| --- | --- | --- | ---: | ---: | ---: | ---: |',
      ...this.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
    ].join('\n');
  }
}

/**
 * Replaces the generated block of `path` (or creates the file) with `block`, formatted with the
 * project's Prettier settings so that `npm run lint` stays clean after a run.
 */
export async function writeResults(path, block, title) {
  const generated = `${START}\n${block}\n${END}`;
  let next = `# ${title}\n\n${generated}\n`;
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    next =
      from >= 0 && to > from
        ? `${text.slice(0, from)}${generated}${text.slice(to + END.length)}`
        : `${text.trimEnd()}\n\n${generated}\n`;
  }
  writeFileSync(path, await formatMarkdown(path, next));
}

async function formatMarkdown(path, text) {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(path)) ?? {};
    return await prettier.format(text, { ...config, filepath: path });
  } catch {
    return text; // Prettier is a dev dependency; without it the table is still valid markdown.
  }
}
