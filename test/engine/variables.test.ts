/** The variable actions: initial values, changes, type errors, names that differ only in case. */
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/expressions/values';
import { compose, errorOf, find, run } from './helpers';

const init = (type: string, value?: JsonValue): JsonObject => ({
  type: 'InitializeVariable',
  inputs: { variables: [{ name: 'v', type, ...(value === undefined ? {} : { value }) }] },
});

/** Initializes `v`, applies one change to it and reads it back. */
function change(type: string, initial: JsonValue, action: string, value?: JsonValue, name = 'v') {
  const outcome = run({
    Init: init(type, initial),
    Change: {
      type: action,
      inputs: { name, ...(value === undefined ? {} : { value }) },
      runAfter: { Init: [] },
    },
    Read: compose("@variables('v')", { Change: ['Succeeded', 'Failed'] }),
  });
  return { record: find(outcome.actions, 'Change'), value: find(outcome.actions, 'Read').outputs };
}

describe('InitializeVariable', () => {
  it.for<[string, JsonValue | undefined, JsonValue]>([
    ['Integer', 5, 5],
    ['Float', 2, 2],
    ['Float', 2.5, 2.5],
    ['Boolean', true, true],
    ['String', 'x', 'x'],
    ['Array', [1, 'a'], [1, 'a']],
    ['Object', { a: 1 }, { a: 1 }],
    ['integer', '@add(2, 3)', 5],
    ['Integer', undefined, 0],
    ['Float', undefined, 0],
    ['Boolean', undefined, false],
    ['String', undefined, ''],
    ['Array', undefined, []],
    ['Object', undefined, {}],
  ])('a variable of type %s initialized with %j holds %j', ([type, value, expected]) => {
    const outcome = run({ Init: init(type, value), Read: compose("@variables('v')", { Init: [] }) });
    expect(find(outcome.actions, 'Read').outputs).toEqual(expected);
  });

  it.for<[string, JsonValue]>([
    ['Integer', 1.5],
    ['Integer', '1'],
    ['String', 5],
    ['Boolean', 'true'],
    ['Array', { a: 1 }],
    ['Object', [1]],
    ['Float', null],
  ])('a variable of type %s rejects the initial value %j', ([type, value]) => {
    const record = find(run({ Init: init(type, value) }).actions, 'Init');
    expect(errorOf(record)).toEqual({
      code: 'InvalidVariableValue',
      message: `The variable 'v' has type '${type}' and cannot hold ${JSON.stringify(value)}.`,
    });
  });

  it('rejects an unknown type', () => {
    const record = find(run({ Init: init('Number', 1) }).actions, 'Init');
    expect(errorOf(record)).toEqual({
      code: 'InvalidVariableType',
      message: "Variable 'v' has unknown type 'Number'.",
    });
  });

  it('rejects a second initialization of the same name in any case', () => {
    const again: JsonObject = {
      type: 'InitializeVariable',
      inputs: { variables: [{ name: 'V', type: 'String', value: 'b' }] },
      runAfter: { Init: [] },
    };
    const record = find(run({ Init: init('String', 'a'), Again: again }).actions, 'Again');
    expect(errorOf(record)).toEqual({
      code: 'InvalidVariable',
      message: "The variable 'V' is already initialized.",
    });
  });
});

describe('changing a variable', () => {
  it.for<[string, JsonValue, string, JsonValue | undefined, JsonValue]>([
    ['Integer', 1, 'IncrementVariable', undefined, 2],
    ['Integer', 1, 'IncrementVariable', 5, 6],
    ['Float', 1.5, 'IncrementVariable', 0.25, 1.75],
    ['Integer', 1, 'DecrementVariable', undefined, 0],
    ['Integer', 1, 'DecrementVariable', 3, -2],
    ['String', 'a', 'SetVariable', 'b', 'b'],
    ['Object', {}, 'SetVariable', { k: [1] }, { k: [1] }],
    ['Array', [1], 'AppendToArrayVariable', 2, [1, 2]],
    ['Array', [1], 'AppendToArrayVariable', [2], [1, [2]]],
    ['String', 'a', 'AppendToStringVariable', 'b', 'ab'],
    ['String', 'a', 'AppendToStringVariable', 5, 'a5'],
    ['String', 'a', 'AppendToStringVariable', '@{mul(2, 3)}!', 'a6!'],
  ])(
    'a variable of type %s holding %j, after %s with %j, holds %j',
    ([type, initial, action, value, expected]) => {
      const { record, value: after } = change(type, initial, action, value);
      expect(record.status).toBe('Succeeded');
      expect(after).toEqual(expected);
      expect(record.outputs).toEqual({ body: { name: 'v', value: expected } });
    },
  );

  it.for<[string, JsonValue, string, JsonValue, string, string]>([
    [
      'String',
      'a',
      'SetVariable',
      3,
      'InvalidVariableValue',
      "The variable 'v' has type 'String' and cannot hold 3.",
    ],
    [
      'Integer',
      1,
      'SetVariable',
      'x',
      'InvalidVariableValue',
      "The variable 'v' has type 'Integer' and cannot hold \"x\".",
    ],
    [
      'String',
      'a',
      'IncrementVariable',
      1,
      'InvalidOperation',
      "The variable 'v' of type 'String' cannot be incremented or decremented by 1: both must be numbers.",
    ],
    [
      'Integer',
      1,
      'DecrementVariable',
      'x',
      'InvalidOperation',
      "The variable 'v' of type 'Integer' cannot be incremented or decremented by \"x\": both must be numbers.",
    ],
    [
      'Integer',
      1,
      'IncrementVariable',
      1.5,
      'InvalidOperation',
      "The variable 'v' of type 'Integer' cannot be incremented or decremented by 1.5: the value must be an integer.",
    ],
    [
      'String',
      'a',
      'AppendToArrayVariable',
      1,
      'InvalidOperation',
      "The variable 'v' is of type 'String', not 'Array'.",
    ],
    [
      'Integer',
      1,
      'AppendToStringVariable',
      'x',
      'InvalidOperation',
      "The variable 'v' is of type 'Integer', not 'String'.",
    ],
  ])(
    'a variable of type %s holding %j rejects %s with %j as %s',
    ([type, initial, action, value, code, message]) => {
      const { record, value: after } = change(type, initial, action, value);
      expect(errorOf(record)).toEqual({ code, message });
      expect(after).toEqual(initial);
    },
  );

  it('finds the variable whatever the case of its name', () => {
    expect(change('Integer', 1, 'IncrementVariable', 1, 'V').value).toBe(2);
  });

  it('fails when the variable was never initialized', () => {
    const { record } = change('Integer', 1, 'SetVariable', 1, 'missing');
    expect(errorOf(record)).toEqual({
      code: 'InvalidVariable',
      message:
        "The variable 'missing' does not exist. Initialize it with an InitializeVariable action at the top level first.",
    });
  });

  it('counts every iteration of a concurrent Foreach exactly once', () => {
    const outcome = run({
      Init: init('Integer', 0),
      Loop: {
        type: 'Foreach',
        foreach: '@range(0, 45)',
        actions: { Inc: { type: 'IncrementVariable', inputs: { name: 'v', value: '@item()' } } },
        runAfter: { Init: [] },
      },
      Read: compose("@variables('v')", { Loop: [] }),
    });
    expect(find(outcome.actions, 'Read').outputs).toBe((44 * 45) / 2);
  });
});
