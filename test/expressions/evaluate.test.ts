import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/expressions/errors';
import { evaluateText } from '../../src/expressions/run';
import { createStaticContext } from '../../src/expressions/static-context';
import { errorOf, run } from './functions/helpers';

const data = {
  trigger: { outputs: { body: { Customer: { name: 'Contoso', tags: ['a', 'b'] }, empty: null, count: 0 } } },
  actions: { Get: { outputs: { body: { items: [{ id: 1 }, { id: 2 }] } } } },
};

describe('the evaluator', () => {
  it.each([
    ["triggerBody()['Customer']['name']", 'Contoso'],
    ["triggerBody()?['customer']?['NAME']", 'Contoso'],
    ['triggerBody().Customer.tags[1]', 'b'],
    ["triggerBody()?['missing']", null],
    ["triggerBody()?['missing']?['deeper']", null],
    ["triggerBody()?['empty']?.name", null],
    ['triggerBody()?.Customer?.tags?[5]', null],
    ["body('Get')['items'][1].id", 2],
    ["body('Get')?['items']?[add(0, 1)]['id']", 2],
    ["@{triggerBody()?['count']}", '0'],
    [
      "@{triggerBody()?['empty']}|@{true}|@{createArray(1, 'x')}|@{json('{\"a\": 1}')}",
      '|True|[1,"x"]|{"a":1}',
    ],
    ['@@{not an expression}', '@{not an expression}'],
    ["Tags: @{join(triggerBody()?['Customer']?['tags'], ', ')}.", 'Tags: a, b.'],
    ['@triggerBody()?.count', 0],
    ['@true', true],
  ])('%s evaluates to %j', (text, expected) => {
    expect(run(text, data)).toEqual(expected);
  });

  it.each([
    [
      "triggerBody()['missing']",
      "The template language expression cannot be evaluated because property 'missing' doesn't exist, available properties are 'Customer, empty, count'.",
    ],
    [
      "triggerBody()['empty']['name']",
      "The template language expression cannot be evaluated because property 'name' cannot be selected. Property selection is not supported on values of type 'Null'.",
    ],
    [
      'triggerBody().Customer.tags[2]',
      "The template language expression cannot be evaluated because array index '2' is outside bounds (0, 1) of array.",
    ],
    [
      "triggerBody().Customer.tags['x']",
      "An array can only be indexed by an integer; the index is of type 'String'.",
    ],
    [
      "triggerBody().count['x']",
      "The template language expression cannot be evaluated because property 'x' cannot be selected. Property selection is not supported on values of type 'Integer'.",
    ],
    ["toUper('x')", "The template function 'toUper' is not defined or not valid."],
    ['concat()', "The template language function 'concat' expects at least 1 parameter, got 0."],
    [
      "substring('abc', 1, 1, 1)",
      "The template language function 'substring' expects between 2 and 3 parameters, got 4.",
    ],
    ['utcNow(1, 2)', "The template language function 'utcNow' expects between 0 and 1 parameters, got 2."],
  ])('%s fails with %j', (text, message) => {
    expect(errorOf(text, data)).toBe(message);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    "reading the %s property of an object never reaches JavaScript's prototype",
    (key) => {
      expect(run(`json('{}')?['${key}']`)).toBeNull();
      expect(errorOf(`json('{}')['${key}']`)).toMatch(`property '${key}' doesn't exist`);
    },
  );

  it('suggests the closest function name for a typo and points at the name', () => {
    let caught: unknown;
    try {
      evaluateText("formatDatetme(utcNow(), 'yyyy')", createStaticContext());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    const error = caught as ExpressionError;
    expect(error.hint).toBe("Did you mean 'formatDateTime'?");
    expect(error.span).toEqual({ start: 0, end: 13 });
  });
});
