/**
 * Random and grammar-built expressions, valid and mutated: evaluation either returns plain data or
 * throws the project's ExpressionError, within a time budget, and never touches Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorText, expressionText, mutate } from './support/expression-arbitraries';
import { evaluateTimed, evaluateWithin, isExpressionError } from './support/expression-run';
import { nonPlainPath, prototypePollution } from './support/plain-data';
import { bounded, describeError } from './support/property';

/** Per evaluation. Generous for a 2-core machine shared with other work; real cases take < 5 ms. */
const BUDGET_MS = 50;

function check(text: string): void {
  const outcome = evaluateWithin(BUDGET_MS, text);
  if (outcome.error !== undefined && !isExpressionError(outcome.error))
    throw new Error(`'${text}' threw ${describeError(outcome.error)}`);
  if (outcome.ms > BUDGET_MS) throw new Error(`'${text}' took ${outcome.ms.toFixed(1)} ms`);
  const bad = outcome.error === undefined ? nonPlainPath(outcome.value) : undefined;
  if (bad !== undefined) throw new Error(`'${text}' returned non-plain data: ${bad}`);
  const polluted = prototypePollution();
  if (polluted.length > 0) throw new Error(`'${text}' polluted Object.prototype with ${polluted.join(', ')}`);
}

describe('hostile expressions', () => {
  it('random text never throws anything but an ExpressionError', () => {
    const alphabet = fc.constantFrom(...`@{}()[]'",.?_-+eE0123456789 abcxyz\\\n\t\u0000\u{1F600}`.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: alphabet, maxLength: 80 })),
        check,
      ),
      bounded(3000, 5000),
    );
  });

  it('grammar-built expressions over every library function evaluate or fail cleanly within budget', () => {
    fc.assert(fc.property(authorText, check), bounded(4000, 12_000));
  });

  it('mutated grammar-built expressions fail with an ExpressionError, never a crash', () => {
    const mutated = expressionText.chain((text) => mutate(`@${text}`));
    fc.assert(fc.property(mutated, check), bounded(3000, 8000));
  });

  it('deeply nested text is refused with an ExpressionError, not a stack overflow', () => {
    for (const text of [
      `@${'concat('.repeat(5000)}'x'${')'.repeat(5000)}`,
      `@${'['.repeat(8000)}`,
      `@x${"?['a']".repeat(1300)}`,
      `@{${'@{'.repeat(4000)}`,
      `@${'('.repeat(8000)}`,
    ]) {
      const outcome = evaluateTimed(text);
      expect(isExpressionError(outcome.error), describeError(outcome.error)).toBe(true);
      expect(outcome.ms).toBeLessThan(BUDGET_MS);
    }
  });
});
