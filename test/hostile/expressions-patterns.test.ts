/**
 * Every library function that takes text, fed long adversarial strings in every argument position:
 * no catastrophic regular expression (each call stays within the time budget) and no error other
 * than an ExpressionError. The strings arrive as data (the trigger body), as hostile input would.
 */
import { describe, expect, it } from 'vitest';
import { allFunctions } from '../../src/expressions/functions/index';
import type { StaticContextData } from '../../src/expressions/static-context';
import { evaluateWithin, HOSTILE_CONTEXT, isExpressionError } from './support/expression-run';
import { describeError } from './support/property';

const BUDGET_MS = 50;
const N = 30_000;

/** Inputs that make backtracking regexes and naive parsers go quadratic or worse. */
const HOSTILE_TEXT: Record<string, string> = {
  'repeated letter then mismatch': `${'a'.repeat(N)}!`,
  digits: '9'.repeat(N),
  'percent signs': '%'.repeat(N),
  'open angle brackets': '<'.repeat(N),
  'nested elements': `${'<a>'.repeat(N / 10)}x`,
  'open braces': '{"a":'.repeat(N / 5),
  'open brackets': '['.repeat(N),
  'spaces then text': `${' '.repeat(N)}x`,
  'date with long fraction': `2024-01-01T00:00:00.${'0'.repeat(N)}Z`,
  'format letters': 'yMdHhmsfFtzK'.repeat(N / 12),
  'quoted format': "'".repeat(N),
  'base64 almost': `${'A'.repeat(N + 1)}=`,
  'data uri': `data:${';a=b'.repeat(N / 4)},x`,
  uri: `http://${'a.'.repeat(N / 2)}/${'%2'.repeat(N / 3)}?${'&a='.repeat(N / 4)}`,
  'xpath steps': `/${'a/'.repeat(N / 2)}b`,
  'xpath predicates': `//a${'[1]'.repeat(N / 3)}`,
  'number pattern': '#,##0.'.repeat(N / 6),
  'unicode escapes': '\\u00'.repeat(N / 4),
  surrogates: '\uD800'.repeat(N),
};

/** Benign partners for the other arguments, so the hostile one reaches the function's real work. */
const PARTNERS = ["'x'", '1', "'2024-01-01T00:00:00Z'", "xml('<r><a>1</a></r>')"];

function calls(name: string, minArgs: number, maxArgs: number): string[] {
  const out: string[] = [];
  for (let count = Math.max(minArgs, 1); count <= Math.min(maxArgs, 3); count++) {
    for (let hostile = 0; hostile < count; hostile++) {
      for (const partner of PARTNERS) {
        const args = Array.from({ length: count }, (_, i) =>
          i === hostile ? "triggerBody()?['s']" : partner,
        );
        out.push(`@${name}(${args.join(', ')})`);
      }
    }
    out.push(`@${name}(${Array.from({ length: count }, () => "triggerBody()?['s']").join(', ')})`);
  }
  return out;
}

const EXPRESSIONS = allFunctions.flatMap((def) => calls(def.name, def.minArgs, def.maxArgs));

describe('library functions on long adversarial text', () => {
  it.each(Object.entries(HOSTILE_TEXT))(
    '%s: every function answers in time with a value or an ExpressionError',
    (_label, text) => {
      const data: StaticContextData = { ...HOSTILE_CONTEXT, trigger: { outputs: { body: { s: text } } } };
      const problems: string[] = [];
      for (const expression of EXPRESSIONS) {
        const outcome = evaluateWithin(BUDGET_MS, expression, data);
        if (outcome.error !== undefined && !isExpressionError(outcome.error))
          problems.push(`${expression} threw ${describeError(outcome.error)}`);
        if (outcome.ms > BUDGET_MS) problems.push(`${expression} took ${outcome.ms.toFixed(0)} ms`);
      }
      expect(problems).toEqual([]);
    },
  );
});
