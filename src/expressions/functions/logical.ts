/**
 * Logical comparison functions. Logic Apps evaluates every argument before calling a function
 * (there is no short-circuit, not even for `if`), and Flowline does the same: an `if` whose
 * unused branch fails to evaluate fails the expression, as it does in Logic Apps.
 */
import type { Call } from '../ast';
import type { JsonValue } from '../values';
import { argBoolean, wrongType } from './args';
import { deepEqual } from './equality';
import type { FunctionDef } from './types';

type Comparison = (order: number) => boolean;

function compare(call: Call, args: readonly JsonValue[]): number {
  const [a, b] = args;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a !== 'number' && typeof a !== 'string')
    wrongType(call, 0, 'an integer, a decimal number or a string', a);
  wrongType(call, 1, `of the same type as the first (${typeof a === 'number' ? 'a number' : 'a string'})`, b);
}

function comparison(name: string, test: Comparison, summary: string): FunctionDef {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    category: 'logical',
    summary,
    evaluate: (args, _ctx, call) => test(compare(call, args)),
  };
}

export const logicalFunctions: readonly FunctionDef[] = [
  {
    name: 'and',
    minArgs: 1,
    maxArgs: Infinity,
    category: 'logical',
    summary: 'True when every argument is true.',
    evaluate: (args, _ctx, call) => args.map((_, i) => argBoolean(call, args, i)).every(Boolean),
  },
  {
    name: 'or',
    minArgs: 1,
    maxArgs: Infinity,
    category: 'logical',
    summary: 'True when at least one argument is true.',
    evaluate: (args, _ctx, call) => args.map((_, i) => argBoolean(call, args, i)).some(Boolean),
  },
  {
    name: 'not',
    minArgs: 1,
    maxArgs: 1,
    category: 'logical',
    summary: 'The opposite of a boolean.',
    evaluate: (args, _ctx, call) => !argBoolean(call, args, 0),
  },
  {
    name: 'if',
    minArgs: 3,
    maxArgs: 3,
    category: 'logical',
    summary: 'The second argument when the first is true, otherwise the third.',
    evaluate: (args, _ctx, call) => (argBoolean(call, args, 0) ? (args[1] ?? null) : (args[2] ?? null)),
  },
  {
    name: 'equals',
    minArgs: 2,
    maxArgs: 2,
    category: 'logical',
    summary: 'True when both values are equal (deep comparison of arrays and objects).',
    evaluate: (args) => deepEqual(args[0] ?? null, args[1] ?? null),
  },
  comparison('greater', (o) => o > 0, 'True when the first value is greater than the second.'),
  comparison(
    'greaterOrEquals',
    (o) => o >= 0,
    'True when the first value is greater than or equal to the second.',
  ),
  comparison('less', (o) => o < 0, 'True when the first value is less than the second.'),
  comparison('lessOrEquals', (o) => o <= 0, 'True when the first value is less than or equal to the second.'),
];
