/**
 * Expressions that try to reach JavaScript internals through data: `__proto__`, `constructor` and
 * `prototype` keys are plain data everywhere, nothing lands on Object.prototype, and no function or
 * host object comes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateTimed, isExpressionError } from './support/expression-run';
import { nonPlainPath, prototypePollution } from './support/plain-data';
import { describeError } from './support/property';

const POLLUTER = `json('{"__proto__":{"polluted":1}}')`;

describe('expressions cannot reach outside their data', () => {
  afterEach(() => {
    expect(prototypePollution()).toEqual([]);
  });

  it.each([
    ["@body('Get')?['__proto__']", { polluted: 1 }],
    ["@body('Get')?['constructor']", { prototype: { polluted: 1 } }],
    ["@body('Get')?['constructor']?['prototype']", { polluted: 1 }],
    ["@body('Get')?['prototype']", null],
    ["@body('Get')?['toString']", null],
    ["@body('Get')?['hasOwnProperty']", null],
    ['@triggerBody()?.__proto__?.polluted', 1],
    ["@json('{\"a\":1}')?['__proto__']", null],
    ["@json('{\"a\":1}')?['constructor']", null],
    ["@variables('v')?['valueOf']", null],
    ['@createArray(1, 2)?[0]', 1],
    [`@${POLLUTER}`, JSON.parse('{"__proto__":{"polluted":1}}') as unknown],
    [
      `@setProperty(json('{}'), '__proto__', json('{"polluted":1}'))`,
      JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
    ],
    [
      `@addProperty(json('{}'), '__proto__', json('{"polluted":1}'))`,
      JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
    ],
    [
      `@setProperty(json('{}'), 'constructor', json('{"prototype":{"polluted":1}}'))`,
      { constructor: { prototype: { polluted: 1 } } },
    ],
    [`@removeProperty(${POLLUTER}, 'x')`, JSON.parse('{"__proto__":{"polluted":1}}') as unknown],
    [`@union(${POLLUTER}, json('{"a":1}'))`, JSON.parse('{"__proto__":{"polluted":1},"a":1}') as unknown],
    [`@union(json('{"a":1}'), ${POLLUTER})`, JSON.parse('{"a":1,"__proto__":{"polluted":1}}') as unknown],
    [`@intersection(${POLLUTER}, ${POLLUTER})`, JSON.parse('{"__proto__":{"polluted":1}}') as unknown],
    [`@union(triggerBody(), json('{}'))?['__proto__']?['polluted']`, 1],
    [
      `@json(xml('<__proto__><polluted>1</polluted></__proto__>'))`,
      JSON.parse('{"__proto__":{"polluted":"1"}}') as unknown,
    ],
    [
      `@json(xml('<r><constructor><prototype>1</prototype></constructor></r>'))`,
      { r: { constructor: { prototype: '1' } } },
    ],
    [`@xml(${POLLUTER})`, undefined],
    [`@string(${POLLUTER})`, '{"__proto__":{"polluted":1}}'],
    [`@contains(json('{}'), '__proto__')`, false],
    [`@contains(json('{}'), 'constructor')`, false],
    [`@coalesce(json('{}')?['__proto__'], 'none')`, 'none'],
  ])('%s gives plain data', (text, expected) => {
    const outcome = evaluateTimed(text);
    expect(outcome.error, describeError(outcome.error)).toBeUndefined();
    expect(nonPlainPath(outcome.value)).toBeUndefined();
    // Compared as JSON text: matchers treat own `__proto__`/`constructor` keys specially.
    if (expected !== undefined) expect(JSON.stringify(outcome.value)).toBe(JSON.stringify(expected));
  });

  it.each([
    ["@body('Get')['prototype']"],
    ["@json('{}')['constructor']"],
    ["@json('{}')['__proto__']"],
    [`@addProperty(${POLLUTER}, '__proto__', 1)`],
  ])('%s fails with an ExpressionError, as for any missing or duplicate property', (text) => {
    expect(isExpressionError(evaluateTimed(text).error)).toBe(true);
  });
});
