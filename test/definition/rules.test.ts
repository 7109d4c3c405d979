import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/definition/loader';
import { compose, lineOf, load, standardText } from './helpers';

const messages = (r: { errors: readonly { message: string }[] }): string[] => r.errors.map((e) => e.message);

describe('condition object form', () => {
  const ifWith = (expression: unknown): Record<string, unknown> => ({
    C: { type: 'If', expression, actions: {} },
  });

  it('accepts and/or/not with comparisons, in any case', () => {
    const expression = {
      and: [
        { equals: ['@triggerBody()', 1] },
        { NOT: { greater: [1, 2] } },
        { or: [{ contains: ['ab', 'a'] }] },
      ],
    };
    expect(load(ifWith(expression)).errors).toEqual([]);
  });

  const cases: [string, unknown, string, string][] = [
    [
      'an unknown operator',
      { and: [{ equal: [1, 1] }] },
      '/definition/actions/C/expression/and/0/equal',
      "Unknown condition operator 'equal'.",
    ],
    [
      'a comparison with one operand',
      { equals: [1] },
      '/definition/actions/C/expression/equals',
      "'equals' takes a list of exactly two operands.",
    ],
    [
      'an empty and',
      { and: [] },
      '/definition/actions/C/expression/and',
      "'and' takes a non-empty list of conditions.",
    ],
    [
      'two operators in one object',
      { equals: [1, 1], less: [1, 2] },
      '/definition/actions/C/expression',
      'A condition object must have exactly one operator; this one has 2 (equals, less).',
    ],
  ];
  it.each(cases)('rejects %s', (_name, expression, pointer, message) => {
    expect(load(ifWith(expression)).errors[0]).toMatchObject({ pointer, message });
  });

  it('suggests the operator meant', () => {
    expect(load(ifWith({ equal: [1, 1] })).errors[0]?.hint).toBe("Did you mean 'equals'?");
  });
});

describe('workflow rules', () => {
  it('rejects a Response action without a Request trigger', () => {
    const text = JSON.stringify({
      triggers: { t: { type: 'Recurrence', recurrence: { frequency: 'Day', interval: 1 } } },
      actions: { Reply: { type: 'Response', inputs: { statusCode: 200 } } },
    });
    expect(messages(loadWorkflow(text, 'r.json'))).toEqual([
      "Response action 'Reply' needs a Request trigger: only an HTTP request can receive its answer.",
    ]);
  });

  it('rejects duplicate Switch case values', () => {
    const result = load({
      S: {
        type: 'Switch',
        expression: '@triggerBody()',
        cases: { One: { case: 'a', actions: {} }, Two: { case: 'a', actions: {} } },
      },
    });
    expect(result.errors[0]).toMatchObject({
      pointer: '/definition/actions/S/cases/Two/case',
      message: `Switch 'S' has the case value "a" twice ('One' and 'Two').`,
    });
  });

  it('rejects a static result that is not defined', () => {
    const action = {
      ...compose(1),
      runtimeConfiguration: { staticResult: { name: 'A0', staticResultOptions: 'Enabled' } },
    };
    expect(messages(load({ A: action }))).toEqual([
      "Static result 'A0' is not defined in definition.staticResults.",
    ]);
    expect(load({ A: action }, { staticResults: { A0: { status: 'Succeeded' } } }).errors).toEqual([]);
  });
});

describe('JSON pointers and positions', () => {
  it('escapes / and ~ in names (RFC 6901) and still finds the line', () => {
    const text = standardText({ 'a/b~c': compose(1, { Missing: ['Succeeded'] }) });
    expect(loadWorkflow(text, 'p.json').errors[0]).toMatchObject({
      pointer: '/definition/actions/a~1b~0c/runAfter/Missing',
      line: lineOf(text, '"Missing"'),
    });
  });

  it('places the caret inside an expression that follows escaped characters', () => {
    const text = standardText({ A: compose('say \\"hi\\" @{equals(1)}') });
    const [error] = loadWorkflow(text, 'p.json').errors;
    const line = text.split('\n')[(error?.line ?? 1) - 1] ?? '';
    expect(line.slice((error?.column ?? 1) - 1).startsWith('equals(1)')).toBe(true);
  });
});

describe('parameter declarations', () => {
  const withParameter = (declaration: Record<string, unknown>): ReturnType<typeof load> =>
    load({}, { parameters: { env: declaration } });

  it('accepts a default of the declared type that is allowed', () => {
    expect(
      withParameter({ type: 'String', defaultValue: 'dev', allowedValues: ['dev', 'prod'] }).errors,
    ).toEqual([]);
    expect(withParameter({ type: 'Int', defaultValue: 3 }).errors).toEqual([]);
  });

  it.each([
    [
      { type: 'Int', defaultValue: 1.5 },
      "The default value of parameter 'env' is number 1.5, but its type is Int.",
    ],
    [
      { type: 'Bool', defaultValue: 'true' },
      "The default value of parameter 'env' is the string 'true', but its type is Bool.",
    ],
    [
      { type: 'String', defaultValue: 'test', allowedValues: ['dev', 'prod'] },
      "The default value of parameter 'env' is not one of its allowedValues.",
    ],
  ])('rejects %j', (declaration, message) => {
    expect(withParameter(declaration).errors[0]).toMatchObject({
      pointer: '/definition/parameters/env/defaultValue',
      message,
    });
  });
});
