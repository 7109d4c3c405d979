// Validation benchmark: `loadWorkflow` (JSON syntax tree, schema, every static check) over the
// whole Logic Apps corpus, next to a same-run baseline of JSON.parse over the same texts.
// Usage: npm run build && node bench/validate.mjs [--runs 15]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { loadWorkflow } = await import(resolve(root, 'dist/definition/loader.js'));
const corpus = resolve(root, '../shared/corpus/logicapps');
const runs = process.argv.includes('--runs') ? Number(process.argv[process.argv.indexOf('--runs') + 1]) : 15;

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, text: readFileSync(join(corpus, f), 'utf8') }));
const bytes = files.reduce((n, f) => n + f.text.length, 0);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  const samples = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    fn();
    if (i >= 2) samples.push(performance.now() - start); // two warm-up runs
  }
  return median(samples);
}

let diagnostics = 0;
const validate = time(() => {
  diagnostics = 0;
  for (const f of files) {
    const r = loadWorkflow(f.text, f.name);
    diagnostics += r.errors.length + r.warnings.length;
  }
});
const parse = time(() => {
  for (const f of files) JSON.parse(f.text.replace(/^\uFEFF/, ''));
});

console.log(`corpus: ${files.length} files, ${bytes} characters; median of ${runs} runs`);
console.log(`validate (loadWorkflow)   ${validate.toFixed(2)} ms  (${diagnostics} diagnostics)`);
console.log(`baseline JSON.parse       ${parse.toFixed(2)} ms`);
console.log(`ratio validate/parse      ${(validate / parse).toFixed(1)}x`);
console.log(`per file (validate)       ${((validate / files.length) * 1000).toFixed(0)} µs`);
