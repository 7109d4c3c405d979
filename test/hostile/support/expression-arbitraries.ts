/**
 * Grammar-aware generators for WDL expressions, built from the real function library: calls with
 * an arity each function accepts, string literals drawn from hostile and meaningful words, numbers,
 * member access. Mutations then break the generated text the way a careless or hostile author would.
 */
import fc from 'fast-check';
import { allFunctions } from '../../../src/expressions/functions/index';

/** Words that name things in the test context, or that try to reach JavaScript internals. */
export const HOSTILE_WORDS = [
  'Get',
  'count',
  'v',
  'p',
  'loop',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '<__proto__><polluted>1</polluted></__proto__>',
  '<a b="1"><c>x</c></a>',
  '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
  '/a/c',
  'yyyy-MM-ddTHH:mm:ss',
  'o',
  'N2',
  'P50',
  '%',
  '%E0%A4%A',
  'SGVsbG8=',
  'data:text/plain;base64,SGk=',
  '2024-02-29T12:00:00Z',
  'Second',
  'W. Europe Standard Time',
  '',
  ' ',
  "''",
  '@{x}',
];

const stringLiteral = fc
  .oneof(fc.constantFrom(...HOSTILE_WORDS), fc.string({ maxLength: 12 }))
  .map((s) => `'${s.replaceAll("'", "''")}'`);

const numberLiteral = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(0, 1, 2, -1, 100000, 2147483647, -2147483648, 1e21, 1.5, -0.25),
);

/** Calls that yield real objects, arrays and dates, so more generated calls get past type checks. */
const dataSource = fc.constantFrom(
  'triggerBody()',
  "body('Get')",
  "variables('v')",
  "items('loop')",
  'trigger()',
  'json(\'{"__proto__":{"polluted":1},"a":[1,2]}\')',
  "xml('<r><a>1</a><a>2</a></r>')",
  'range(0, 5)',
  "createArray('a', 1, null)",
  'utcNow()',
);

const leaf = fc.oneof(
  { weight: 4, arbitrary: stringLiteral },
  { weight: 3, arbitrary: dataSource },
  { weight: 3, arbitrary: numberLiteral.map((n) => String(n)) },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null') },
);

const memberSuffix = fc.oneof(
  stringLiteral.map((s) => `?[${s}]`),
  stringLiteral.map((s) => `[${s}]`),
  fc.integer({ min: -1, max: 3 }).map((i) => `?[${i}]`),
  fc.constantFrom('.name', '?.count', '?.__proto__', '?.constructor'),
);

/** Expression text (without the leading `@`) drawn from the grammar. */
export const expressionText: fc.Arbitrary<string> = fc.letrec<{ expr: string; call: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    { weight: 4, arbitrary: tie('call') },
    {
      weight: 1,
      arbitrary: fc.tuple(tie('call'), memberSuffix).map(([target, suffix]) => `${target}${suffix}`),
    },
  ),
  call: fc
    .constantFrom(...allFunctions)
    .chain((def) =>
      fc
        .array(tie('expr'), { minLength: def.minArgs, maxLength: Math.min(def.maxArgs, def.minArgs + 2) })
        .map((args) => `${def.name}(${args.join(', ')})`),
    ),
})).expr;

const tokens = ['(', ')', "'", '[', ']', '?', '.', ',', '@', '{', '}', '@{', "''", '0x', '-', 'e9', ' '];

/** Breaks valid text: drop a slice, insert a token, duplicate a slice or swap two characters. */
export function mutate(text: string): fc.Arbitrary<string> {
  const at = fc.nat({ max: text.length });
  return fc.oneof(
    fc.tuple(at, at).map(([a, b]) => text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b))),
    fc.tuple(at, fc.constantFrom(...tokens)).map(([a, t]) => text.slice(0, a) + t + text.slice(a)),
    fc.tuple(at, at).map(([a, b]) => {
      const [from, to] = [Math.min(a, b), Math.max(a, b)];
      return text.slice(0, to) + text.slice(from, to) + text.slice(to);
    }),
    fc.tuple(at, at).map(([a, b]) => {
      const chars = [...text];
      const x = chars[a];
      const y = chars[b];
      if (x !== undefined && y !== undefined) [chars[a], chars[b]] = [y, x];
      return chars.join('');
    }),
  );
}

/** Author text in one of the WDL forms: `@expr`, `@{expr}` interpolation, or a bare expression. */
export const authorText: fc.Arbitrary<string> = fc
  .tuple(expressionText, fc.constantFrom('@', 'interp', 'bare'))
  .map(([expr, form]) => (form === '@' ? `@${expr}` : form === 'interp' ? `x @{${expr}} y` : expr));
