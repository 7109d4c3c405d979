/** If, Switch, Scope with result(), Terminate and Compose. */
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/expressions/values';
import { compose, errorOf, find, http, httpAction, run, statusesOf, uriOf } from './helpers';
import { type ActivityHandler, START } from './memory-port';

const handler: ActivityHandler = (input) => {
  const uri = uriOf(input);
  return uri === 'fail' ? http(400) : http(200, { afterMs: uri === 'slow' ? 60_000 : 0 });
};
const go = (actions: JsonObject) => run(actions, { activity: handler });

describe('If', () => {
  const ifAction = (expression: JsonValue, withElse = true): JsonObject => ({
    type: 'If',
    expression,
    actions: { Yes: compose('yes') },
    ...(withElse ? { else: { actions: { No: compose('no') } } } : {}),
  });

  it.for<[JsonValue, boolean]>([
    ['@equals(1, 1)', true],
    ['@greater(1, 2)', false],
    [true, true],
    [{ and: [{ equals: ['@add(1, 1)', 2] }, { not: { greater: [1, 2] } }] }, true],
    [{ or: [{ equals: ['a', 'b'] }, { contains: ['abc', 'z'] }] }, false],
  ])('runs only the branch that the condition %j selects (%s)', ([expression, expected]) => {
    const outcome = go({ If: ifAction(expression) });
    const record = find(outcome.actions, 'If');
    // The branch not taken is listed as Skipped after the one that ran, as Logic Apps shows it.
    expect(record.children?.map((c) => [c.name, c.status])).toEqual([
      [expected ? 'Yes' : 'No', 'Succeeded'],
      [expected ? 'No' : 'Yes', 'Skipped'],
    ]);
    expect(record.outputs).toEqual({ expression: expected });
    expect(record.inputs).toEqual({ expressionResult: expected });
  });

  it('runs nothing and succeeds when the condition is false and there is no else', () => {
    const record = find(go({ If: ifAction('@false', false) }).actions, 'If');
    expect(record.status).toBe('Succeeded');
    expect(record.children).toMatchObject([
      {
        name: 'Yes',
        status: 'Skipped',
        code: 'ActionBranchingConditionNotSatisfied',
        error: {
          message:
            "The execution of template action 'Yes' is skipped: it is in a branch of 'If' that was not taken.",
        },
      },
    ]);
  });

  it('does not let an expression read an action of the branch not taken', () => {
    const outcome = go({ If: ifAction('@true'), After: compose("@outputs('No')", { If: [] }) });
    expect(find(outcome.actions, 'After').status).toBe('Failed');
  });

  it('fails with InvalidTemplate when the condition is not a boolean', () => {
    const record = find(go({ If: ifAction("@'yes'") }).actions, 'If');
    expect(errorOf(record)).toEqual({
      code: 'InvalidTemplate',
      message:
        "Unable to process template language expressions in action 'If' inputs: The condition must " +
        "evaluate to a boolean, but it evaluated to the string 'yes'.",
    });
  });

  it('fails when an action in the chosen branch fails without a handler', () => {
    const outcome = go({ If: { type: 'If', expression: true, actions: { Call: httpAction('fail') } } });
    expect(errorOf(find(outcome.actions, 'If')).code).toBe('ActionFailed');
    expect(outcome.result.status).toBe('Failed');
  });
});

describe('Switch', () => {
  const switchAction = (expression: JsonValue, withDefault = true): JsonObject => ({
    type: 'Switch',
    expression,
    cases: {
      CaseA: { case: 'a', actions: { A: compose('a') } },
      CaseTwo: { case: 2, actions: { Two: compose(2) } },
      CaseAgain: { case: 'a', actions: { Again: compose('again') } },
    },
    ...(withDefault ? { default: { actions: { Other: compose('other') } } } : {}),
  });

  it.for([
    ['a', 'A'],
    ["@toLower('A')", 'A'],
    [2, 'Two'],
    ['@add(1, 1)', 'Two'],
    ['2', 'Other'],
    ['z', 'Other'],
  ] as const)('with the expression %j runs the branch with %s', ([expression, ran]) => {
    const record = find(go({ S: switchAction(expression) }).actions, 'S');
    const ranFirst = record.children?.map((c) => [c.name, c.status]);
    expect(ranFirst?.[0]).toEqual([ran, 'Succeeded']);
    expect(ranFirst?.slice(1)).toEqual(
      ['A', 'Two', 'Again', 'Other'].filter((name) => name !== ran).map((name) => [name, 'Skipped']),
    );
    expect(record.status).toBe('Succeeded');
  });

  it('runs nothing when no case matches and there is no default', () => {
    const record = find(go({ S: switchAction('z', false) }).actions, 'S');
    expect([record.status, record.children?.map((c) => c.status), record.inputs]).toEqual([
      'Succeeded',
      ['Skipped', 'Skipped', 'Skipped'],
      { expressionValue: 'z' },
    ]);
  });

  it('fails when the expression is neither a string nor a number', () => {
    const record = find(go({ S: switchAction('@true') }).actions, 'S');
    expect(errorOf(record).code).toBe('InvalidTemplate');
    expect(errorOf(record).message).toContain('must evaluate to a string or a number; got true');
  });
});

describe('Scope', () => {
  const scoped = {
    S: {
      type: 'Scope',
      actions: {
        A: compose('a'),
        B: httpAction('fail', { runAfter: { A: [] } }),
        C: compose('c', { B: [] }),
      },
    },
    Statuses: compose("@result('S')", { S: ['Failed'] }),
  };

  it("lists each inner action's name, status and error through result('scope')", () => {
    const outcome = go({ S: scoped.S, Statuses: scoped.Statuses });
    const results = find(outcome.actions, 'Statuses').outputs as JsonObject[];
    expect(results.map((r) => [r.name, r.status, (r.error as JsonObject | undefined)?.code])).toEqual([
      ['A', 'Succeeded', undefined],
      ['B', 'Failed', 'Status400'],
      ['C', 'Skipped', 'ActionSkipped'],
    ]);
    expect(find(outcome.actions, 'S').status).toBe('Failed');
    expect(outcome.result.status).toBe('Succeeded');
  });

  it('is Failed with ActionFailed when an inner failure is unhandled, Succeeded when it is handled', () => {
    const handled = { type: 'Scope', actions: { B: httpAction('fail'), H: compose('h', { B: ['Failed'] }) } };
    const outcome = go({ S: scoped.S, T: handled });
    expect(errorOf(find(outcome.actions, 'S'))).toEqual({
      code: 'ActionFailed',
      message: 'An action failed. No dependent actions succeeded.',
    });
    expect(statusesOf(outcome, ['S', 'T'])).toEqual(['Failed', 'Succeeded']);
  });
});

describe('Terminate', () => {
  const terminate = (inputs: JsonObject): JsonObject => ({ Stop: { type: 'Terminate', inputs } });

  it.for([
    [
      { runStatus: 'Failed', runError: { code: 'Bad', message: 'Nope' } },
      { status: 'Failed', error: { code: 'Bad', message: 'Nope' } },
    ],
    [
      { runStatus: 'Failed' },
      {
        status: 'Failed',
        error: { code: 'Terminated', message: "The run was terminated with status 'Failed'." },
      },
    ],
    [{ runStatus: 'Cancelled' }, { status: 'Cancelled' }],
    [{ runStatus: 'cancelled', runError: { code: 'Ignored' } }, { status: 'Cancelled' }],
    [{ runStatus: 'Succeeded' }, { status: 'Succeeded' }],
  ] as const)('with inputs %j ends the run as %j', ([inputs, expected]) => {
    const outcome = go(terminate(inputs));
    expect(outcome.result).toEqual(expected);
    expect(find(outcome.actions, 'Stop').status).toBe('Succeeded');
  });

  it('cancels the actions still running and starts no others', () => {
    const outcome = go({
      Slow: httpAction('slow'),
      Stop: { type: 'Terminate', inputs: { runStatus: 'Succeeded' }, runAfter: { Fail: ['Failed'] } },
      Fail: httpAction('fail'),
      After: compose('after', { Stop: [] }),
    });
    expect(outcome.result).toEqual({ status: 'Succeeded' });
    expect(statusesOf(outcome, ['Slow', 'Fail', 'Stop', 'After'])).toEqual([
      'Cancelled',
      'Failed',
      'Succeeded',
      'absent',
    ]);
    expect(outcome.port.calls.map((c) => [uriOf(c.input), c.endAt])).toEqual([
      ['slow', undefined],
      ['fail', START],
    ]);
    expect(outcome.port.clock).toBe(START);
  });
});

describe('Compose', () => {
  it.for<[JsonValue, JsonValue]>([
    ['@add(1, 2)', 3],
    ["x-@{concat('a', 'b')}-@{add(1, 1)}", 'x-ab-2'],
    ['@@not an expression', '@not an expression'],
    [
      { a: '@mul(2, 3)', b: ['@true', null, 'plain'] },
      { a: 6, b: [true, null, 'plain'] },
    ],
    [42, 42],
  ])('evaluates %j to %j', ([inputs, expected]) => {
    const record = find(go({ C: compose(inputs) }).actions, 'C');
    expect([record.status, record.inputs, record.outputs]).toEqual(['Succeeded', expected, expected]);
  });

  it("reads another action's outputs", () => {
    const outcome = go({ A: compose({ n: 2 }), B: compose("@mul(outputs('A')?['n'], 10)", { A: [] }) });
    expect(find(outcome.actions, 'B').outputs).toBe(20);
  });

  it('fails with InvalidTemplate when an expression cannot be evaluated', () => {
    const record = find(go({ C: compose("@int('x')") }).actions, 'C');
    expect(errorOf(record).code).toBe('InvalidTemplate');
    expect(errorOf(record).message).toMatch(
      /^Unable to process template language expressions in action 'C' inputs: /,
    );
  });
});
