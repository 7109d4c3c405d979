import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/definition/loader';
import { compose, lineOf, load, standardText } from './helpers';

const messages = (r: { errors: readonly { message: string }[] }): string[] => r.errors.map((e) => e.message);

describe('runAfter check', () => {
  it('names a missing runAfter target with its pointer, line and a did-you-mean', () => {
    const actions = { Parse_JSON: compose(1), Call_API: compose(2, { Parse: ['Succeeded'] }) };
    const text = standardText(actions);
    const [error] = loadWorkflow(text, 'workflows/order.json').errors;
    expect(error).toMatchObject({
      pointer: '/definition/actions/Call_API/runAfter/Parse',
      message: "runAfter names 'Parse', which does not exist in this scope.",
      hint: "Did you mean 'Parse_JSON'?",
      line: lineOf(text, '"Parse":'),
      column: 11,
    });
  });

  it('says when the target exists but in another scope', () => {
    const result = load({
      S: { type: 'Scope', actions: { Inner: compose(1) } },
      After: compose(2, { Inner: ['Succeeded'] }),
    });
    expect(messages(result)).toEqual([
      "runAfter names 'Inner', which is in another scope; runAfter can only name actions in the same scope.",
    ]);
  });

  it('rejects an action name used twice in the workflow', () => {
    const result = load({ A: compose(1), S: { type: 'Scope', actions: { A: compose(2) } } });
    expect(messages(result)[0]).toContain("The action name 'A' is used twice");
  });
});

describe('cycle check', () => {
  it('names the cycle in a scope', () => {
    const result = load({
      A: compose(1, { C: ['Succeeded'] }),
      B: compose(2, { A: ['Succeeded'] }),
      C: compose(3, { B: ['Succeeded'] }),
    });
    expect(messages(result)).toEqual(['The runAfter graph has a cycle: A -> C -> B -> A.']);
  });

  it('finds cycles inside nested scopes', () => {
    const result = load({
      S: {
        type: 'Scope',
        actions: { X: compose(1, { Y: ['Succeeded'] }), Y: compose(2, { X: ['Failed'] }) },
      },
    });
    expect(messages(result)).toEqual(['The runAfter graph has a cycle: X -> Y -> X.']);
  });
});

describe('limits', () => {
  it('rejects more than 500 actions', () => {
    const actions = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`A${i}`, compose(i)]));
    expect(messages(load(actions))).toEqual(['The workflow has 501 actions; the limit is 500.']);
  });

  it('rejects nesting deeper than 8 levels', () => {
    let inner: Record<string, unknown> = { Leaf: compose(1) };
    for (let i = 8; i >= 1; i--) inner = { [`S${i}`]: { type: 'Scope', actions: inner } };
    expect(messages(load(inner))).toEqual(["'Leaf' is nested 9 levels deep; the limit is 8."]);
  });

  it('rejects an expression longer than 8,192 characters', () => {
    const result = load({ A: compose(`@concat('${'x'.repeat(8200)}')`) });
    expect(messages(result)[0]).toContain('the limit is 8192');
  });

  it('rejects InitializeVariable below the top level', () => {
    const init = { type: 'InitializeVariable', inputs: { variables: [{ name: 'v', type: 'String' }] } };
    expect(messages(load({ S: { type: 'Scope', actions: { Init: init } } }))[0]).toContain(
      'variables can only be initialized at the top level',
    );
  });
});

describe('expression checks', () => {
  it('reports a syntax error at its position inside the expression and the file', () => {
    const text = standardText({ A: compose("@equals(1, 'a'") });
    const [error] = loadWorkflow(text, 'wf.json').errors;
    expect(error?.pointer).toBe('/definition/actions/A/inputs');
    expect(error?.message).toMatch(/^Expression error: /);
    expect(error?.expression).toBe("@equals(1, 'a'");
    expect(error?.position).toBeGreaterThan(0);
    const valueColumn = text.split('\n')[lineOf(text, '"@equals') - 1]?.indexOf('"@') ?? -1;
    expect(error?.column).toBe(valueColumn + 2 + (error?.position ?? 0));
  });

  it('flags an unknown function with a did-you-mean (an error once the function library is complete)', () => {
    const result = load({ A: compose('@{equal(1, 1)}') });
    const finding = [...result.errors, ...result.warnings].find(
      (d) => d.message === "Unknown function 'equal'.",
    );
    expect(finding).toMatchObject({
      severity: 'error',
      hint: "Did you mean 'equals'?",
      position: 2,
    });
  });

  it('checks arity', () => {
    const [error] = load({ A: compose('@equals(1)') }).errors;
    expect(error).toMatchObject({
      message: "'equals' takes 2 argument(s); this call passes 1.",
      position: 1,
    });
  });
});

describe('reference checks', () => {
  const init = {
    type: 'InitializeVariable',
    inputs: { variables: [{ name: 'count', type: 'Integer', value: 0 }] },
  };

  it('accepts references to predecessors, their nested actions, and enclosing scopes\u2019 predecessors', () => {
    const result = load({
      First: compose(1),
      Try: { type: 'Scope', runAfter: { First: ['Succeeded'] }, actions: { Inner: compose(2) } },
      Loop: {
        type: 'Foreach',
        foreach: "@createArray(outputs('First'))",
        runAfter: { Try: ['Failed'] },
        operationOptions: 'Sequential',
        actions: { Use: compose("@{outputs('First')}@{body('Inner')}@{items('Loop')}@{result('Try')}") },
      },
    });
    expect(result.errors).toEqual([]);
  });

  type Case = [string, Record<string, unknown>, string, string | undefined];
  const cases: Case[] = [
    [
      'an action that does not exist',
      { Get_order: compose(1), B: compose("@body('Get_ordr')", { Get_order: ['Succeeded'] }) },
      "body('Get_ordr') names an action that does not exist.",
      "Did you mean 'Get_order'?",
    ],
    [
      'an action that does not run before',
      { A: compose(1), B: compose("@outputs('A')") },
      "outputs('A') refers to an action that does not run before 'B'.",
      "Add 'A' (or an action after it) to runAfter of 'B' or of its enclosing scope.",
    ],
    [
      'an undeclared variable',
      { Init: init, B: compose("@variables('cuont')", { Init: ['Succeeded'] }) },
      "variables('cuont') names a variable that no top-level InitializeVariable declares.",
      "Did you mean 'count'?",
    ],
    [
      'items() outside its loop',
      {
        L: { type: 'Foreach', foreach: '@createArray()', actions: {} },
        B: compose("@items('L')", { L: ['Succeeded'] }),
      },
      "items('L') must name an enclosing Foreach loop, and this expression is inside none.",
      undefined,
    ],
    [
      'iterationIndexes() naming a Foreach',
      {
        L: {
          type: 'Foreach',
          foreach: '@createArray()',
          operationOptions: 'Sequential',
          actions: { X: compose("@iterationIndexes('L')") },
        },
      },
      "iterationIndexes('L') must name an enclosing Until loop, and this expression is inside none.",
      undefined,
    ],
    [
      'result() naming a plain action',
      { A: compose(1), B: compose("@result('A')", { A: ['Succeeded'] }) },
      "result('A') must name a Scope, Foreach, Until, If or Switch; 'A' is a Compose.",
      undefined,
    ],
    [
      'an undeclared parameter in a bare definition',
      {},
      "parameters('env') names a parameter that definition.parameters does not declare.",
      undefined,
    ],
  ];
  it.each(cases)('rejects %s with its position', (name, actions, message, hint) => {
    const text =
      name === 'an undeclared parameter in a bare definition'
        ? JSON.stringify({
            parameters: { envs: { type: 'String' } },
            triggers: {},
            actions: { A: compose("@parameters('env')") },
          })
        : standardText(actions);
    const [error] = loadWorkflow(text, 'wf.json').errors;
    expect(error?.message).toBe(message);
    expect(error?.hint).toBe(name.includes('parameter') ? "Did you mean 'envs'?" : hint);
    expect(error?.expression?.slice(error.position ?? 0)).toMatch(/^'/);
  });

  it('lets an Until condition name actions inside the loop and its own index', () => {
    const result = load({
      U: {
        type: 'Until',
        expression: "@or(equals(outputs('Step'), 3), equals(iterationIndexes('U'), 5))",
        limit: { count: 10, timeout: 'PT1H' },
        actions: { Step: compose(3) },
      },
    });
    expect(result.errors).toEqual([]);
  });

  it('does not let a Foreach list or an If condition name actions inside them', () => {
    const loop = load({ L: { type: 'Foreach', foreach: "@body('Inner')", actions: { Inner: compose(1) } } });
    expect(messages(loop)).toEqual(["body('Inner') refers to an action that does not run before 'L'."]);
    const cond = load({
      C: { type: 'If', expression: "@equals(outputs('Inner'), 1)", actions: { Inner: compose(1) } },
    });
    expect(messages(cond)).toEqual(["outputs('Inner') refers to an action that does not run before 'C'."]);
  });

  it('warns (not errors) about undeclared parameters in a Standard workflow, which come from parameters.json', () => {
    const result = load({ A: compose("@parameters('Url')") });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toContain(
      "parameters('Url') names a parameter not declared in definition.parameters; it must come from parameters.json.",
    );
  });

  it('warns when a variable is changed inside a parallel Foreach, and not when it is sequential', () => {
    const inc = { type: 'IncrementVariable', inputs: { name: 'count', value: 1 } };
    const loop = (options: Record<string, unknown>): Record<string, unknown> => ({
      Init: init,
      L: {
        type: 'Foreach',
        foreach: '@createArray(1)',
        runAfter: { Init: ['Succeeded'] },
        actions: { Inc: inc },
        ...options,
      },
    });
    expect(load(loop({})).warnings.map((w) => w.pointer)).toContain('/definition/actions/L/actions/Inc/type');
    expect(
      load(loop({ operationOptions: 'Sequential' })).warnings.filter((w) => w.message.includes('parallel')),
    ).toEqual([]);
    expect(
      load(loop({ runtimeConfiguration: { concurrency: { repetitions: 1 } } })).warnings.filter((w) =>
        w.message.includes('parallel'),
      ),
    ).toEqual([]);
  });
});
