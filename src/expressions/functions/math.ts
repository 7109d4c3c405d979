/**
 * Math functions. Integer arithmetic stays integer (`div(7, 2)` is 3). JSON numbers cannot keep
 * `2.0` apart from `2`, so a float that happens to be whole behaves as an integer here, which is
 * the one place Flowline can differ from Logic Apps' integer/float typing.
 */
import type { Call } from '../ast';
import { ExpressionError } from '../errors';
import type { JsonValue } from '../values';
import { argArray, argInteger, argNumber } from './args';
import { definer } from './define';
import type { FunctionDef } from './types';

const fn = definer('math');

const pair = (a: readonly JsonValue[], c: Call): [number, number] => [argNumber(c, a, 0), argNumber(c, a, 1)];

function nonZeroDivisor(call: Call, divisor: number): void {
  if (divisor === 0)
    throw new ExpressionError(
      `The template language function '${call.name}' cannot divide by zero.`,
      call.args[1]?.span ?? call.span,
    );
}

/** `max(1, 2, 3)` or `max(createArray(1, 2, 3))`. */
function numbers(a: readonly JsonValue[], c: Call): number[] {
  const list = a.length === 1 && Array.isArray(a[0]) ? argArray(c, a, 0) : [...a];
  if (list.length === 0)
    throw new ExpressionError(
      `The template language function '${c.name}' needs at least one number.`,
      c.span,
    );
  return list.map((_, i) => argNumber(c, list, i));
}

export const mathFunctions: readonly FunctionDef[] = [
  fn('add', 2, 2, 'The sum of two numbers.', (a, c) => pair(a, c)[0] + pair(a, c)[1]),
  fn('sub', 2, 2, 'The first number minus the second.', (a, c) => pair(a, c)[0] - pair(a, c)[1]),
  fn('mul', 2, 2, 'The product of two numbers.', (a, c) => pair(a, c)[0] * pair(a, c)[1]),
  fn('div', 2, 2, 'The quotient; integer division when both numbers are integers.', (a, c) => {
    const [x, y] = pair(a, c);
    nonZeroDivisor(c, y);
    return Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y;
  }),
  fn('mod', 2, 2, 'The remainder of a division (sign of the dividend).', (a, c) => {
    const [x, y] = pair(a, c);
    nonZeroDivisor(c, y);
    return x % y;
  }),
  fn('max', 1, Infinity, 'The largest number of a list or an array.', (a, c) => Math.max(...numbers(a, c))),
  fn('min', 1, Infinity, 'The smallest number of a list or an array.', (a, c) => Math.min(...numbers(a, c))),
  fn('range', 2, 2, 'An array of count integers starting at start.', (a, c) => {
    const start = argInteger(c, a, 0);
    const count = argInteger(c, a, 1);
    if (count < 0 || count > 100_000) {
      throw new ExpressionError(
        `The template language function 'range' needs a count between 0 and 100000; got ${count}.`,
        c.args[1]?.span ?? c.span,
      );
    }
    return Array.from({ length: count }, (_, i) => start + i);
  }),
  {
    name: 'rand',
    minArgs: 2,
    maxArgs: 2,
    category: 'math',
    summary: 'A random integer from min (inclusive) to max (exclusive).',
    evaluate: (args, ctx, call) => {
      const min = argInteger(call, args, 0);
      const max = argInteger(call, args, 1);
      if (max <= min)
        throw new ExpressionError(
          `The template language function 'rand' needs max (${max}) greater than min (${min}).`,
          call.span,
        );
      return min + Math.floor(ctx.random() * (max - min));
    },
  },
];
