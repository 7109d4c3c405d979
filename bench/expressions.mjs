// Expression engine benchmark: parse + evaluate a realistic ten-function expression, next to a
// same-run baseline (JSON.parse + JSON.stringify of a document of similar size), with the parse-only
// and evaluate-only split. Every figure is the median of several timed rounds.
// Usage: npm run build && node bench/expressions.mjs
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { parseTemplate } = await import(resolve(root, 'dist/expressions/template.js'));
const { evaluateTemplate } = await import(resolve(root, 'dist/expressions/evaluate.js'));
const { createStaticContext } = await import(resolve(root, 'dist/expressions/static-context.js'));

const EXPRESSION =
  "@{concat(toUpper(triggerBody()?['customer']?['name']), '-', formatDateTime(addDays(utcNow(), 3), 'yyyyMMdd'), '-', " +
  "string(add(length(body('Get_orders')?['items']), 1)), '-', if(equals(variables('region'), 'EU'), 'eu', 'other'), '-', " +
  'substring(guid(), 0, 8))}';
const ctx = createStaticContext({
  trigger: { outputs: { body: { customer: { name: 'Contoso Ltd' } } } },
  actions: { Get_orders: { outputs: { body: { items: [1, 2, 3, 4, 5] } } } },
  variables: { region: 'EU' },
});
const DOCUMENT = JSON.stringify({
  customer: { name: 'Contoso Ltd' },
  items: [1, 2, 3, 4, 5],
  region: 'EU',
  at: '2026-11-22',
});

const ROUNDS = 7;
const DURATION_MS = 300;

/** Operations per second of `fn`, as the median of ROUNDS timed rounds of about DURATION_MS each. */
function opsPerSecond(fn) {
  for (let i = 0; i < 2000; i++) fn();
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < DURATION_MS) {
      for (let i = 0; i < 200; i++) fn();
      n += 200;
      elapsed = performance.now() - start;
    }
    rates.push((n / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

const parsed = parseTemplate(EXPRESSION);
const rows = [
  ['baseline: JSON.parse + stringify', opsPerSecond(() => JSON.stringify(JSON.parse(DOCUMENT)))],
  ['parse + evaluate (10 functions)', opsPerSecond(() => evaluateTemplate(parseTemplate(EXPRESSION), ctx))],
  ['parse only', opsPerSecond(() => parseTemplate(EXPRESSION))],
  ['evaluate only (pre-parsed)', opsPerSecond(() => evaluateTemplate(parsed, ctx))],
];
const baseline = rows[0][1];
console.log(
  `expression: ${EXPRESSION.length} characters -> ${JSON.stringify(evaluateTemplate(parsed, ctx))}`,
);
console.log('| measurement | ops/s | vs baseline |');
console.log('| --- | ---: | ---: |');
for (const [name, rate] of rows) {
  console.log(`| ${name} | ${Math.round(rate).toLocaleString('en-US')} | ${(rate / baseline).toFixed(2)}x |`);
}
