import { describe, expect, it } from 'vitest';
import { loadWorkflow, MAX_FILE_BYTES } from '../../src/definition/loader';
import { compose, lineOf, load, standardText } from './helpers';

describe('loadWorkflow', () => {
  it('reads a Standard workflow.json: definition, kind and name from the folder', () => {
    const result = loadWorkflow(standardText({ A: compose('x') }), 'workflows/order/workflow.json');
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('Stateful');
    expect(result.name).toBe('order');
    expect(result.definition?.actions?.A).toMatchObject({ type: 'Compose', inputs: 'x' });
  });

  it('reads a bare definition and a {definition, parameters} export, and keeps unknown keys', () => {
    const bare = JSON.stringify({
      triggers: {},
      actions: { A: { type: 'compose', inputs: 1, custom: true } },
    });
    const bareResult = loadWorkflow(bare, 'bare.json');
    expect(bareResult.errors).toEqual([]);
    expect(bareResult.definition?.actions?.A).toMatchObject({ custom: true });
    expect(bareResult.warnings.map((w) => w.pointer)).toEqual(['/actions/A/custom']);
    const exported = JSON.stringify({
      definition: { actions: {} },
      parameters: { $connections: { value: {} } },
    });
    expect(loadWorkflow(exported, 'export.json').errors).toEqual([]);
  });

  it('matches type names in any letter case, as Logic Apps does', () => {
    const result = load({
      Loop: {
        type: 'foreach',
        foreach: '@createArray(1)',
        actions: { Inner: { type: 'COMPOSE', inputs: 1 } },
      },
    });
    expect(result.errors.filter((e) => !e.message.startsWith('Unknown function'))).toEqual([]);
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(loadWorkflow(`\uFEFF${standardText({})}`, 'bom.json').errors).toEqual([]);
  });

  const badJson: [string, string, string, number, number][] = [
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 'The file is not valid JSON: comma expected.', 3, 3],
    ['a trailing comma', '{\n  "a": 1,\n}', 'The file is not valid JSON: property name expected.', 3, 1],
    ['an empty file', '', 'The file is not valid JSON: value expected.', 1, 1],
    ['a comment', '{\n  // no\n  "a": 1\n}', 'The file is not valid JSON: invalid comment token.', 2, 3],
  ];
  it.each(badJson)('reports %s with its line and column', (_name, text, message, line, column) => {
    const [error] = loadWorkflow(text, 'bad.json').errors;
    expect(error).toMatchObject({ file: 'bad.json', pointer: '', message, line, column });
  });

  it.each(['__proto__', 'constructor'])('rejects the key %s, which could pollute prototypes', (key) => {
    const text = `{\n  "definition": {\n    "actions": {\n      "${key}": {}\n    }\n  }\n}`;
    const [error] = loadWorkflow(text, 'p.json').errors;
    expect(error).toMatchObject({ pointer: `/definition/actions/${key}`, line: 4, column: 7 });
    expect(error?.message).toContain('could change object prototypes');
  });

  it('refuses files over the size limit before parsing', () => {
    const [error] = loadWorkflow(' '.repeat(MAX_FILE_BYTES + 1), 'big.json').errors;
    expect(error?.message).toBe(
      `The file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES} bytes.`,
    );
  });

  type Case = [
    name: string,
    actions: Record<string, unknown>,
    pointer: string,
    message: string,
    needle: string,
  ];
  const schemaCases: Case[] = [
    [
      'a missing type',
      { A: { inputs: 1 } },
      '/definition/actions/A/type',
      "The action has no 'type' (a string such as 'Http').",
      '"A"',
    ],
    [
      'a misspelt type',
      { A: { type: 'Compse', inputs: 1 } },
      '/definition/actions/A/type',
      "Unknown action type 'Compse'.",
      '"Compse"',
    ],
    [
      'a missing required field',
      { T: { type: 'Terminate' } },
      '/definition/actions/T/inputs',
      "'inputs' is required.",
      '"T"',
    ],
    [
      'a wrong enum value',
      { T: { type: 'Terminate', inputs: { runStatus: 'Done' } } },
      '/definition/actions/T/inputs/runStatus',
      "'runStatus' must be one of 'Failed', 'Cancelled', 'Succeeded' (any letter case); got the string 'Done'.",
      '"runStatus"',
    ],
    [
      'a wrong value type',
      { H: { type: 'Http', inputs: { method: 'GET', uri: 5 } } },
      '/definition/actions/H/inputs/uri',
      "'uri' must be a string, not number 5.",
      '"uri"',
    ],
    [
      'a Foreach concurrency over 50',
      {
        L: {
          type: 'Foreach',
          foreach: '@createArray()',
          actions: {},
          runtimeConfiguration: { concurrency: { repetitions: 51 } },
        },
      },
      '/definition/actions/L/runtimeConfiguration/concurrency/repetitions',
      "'repetitions' must be at most 50; got number 51.",
      '"repetitions"',
    ],
    [
      'a retry interval that is not ISO 8601',
      {
        H: {
          type: 'Http',
          inputs: { method: 'GET', uri: 'http://x' },
          retryPolicy: { type: 'fixed', count: 2, interval: '20s' },
        },
      },
      '/definition/actions/H/retryPolicy/interval',
      "'interval' must be an ISO 8601 duration such as PT20S or P1D; got the string '20s'.",
      '"interval"',
    ],
    [
      'a bad runAfter status',
      { A: compose(1), B: compose(2, { A: ['Done'] }) },
      '/definition/actions/B/runAfter/A/0',
      "'0' must be one of 'Succeeded', 'Failed', 'Skipped', 'TimedOut' (any letter case); got the string 'Done'.",
      '"Done"',
    ],
    [
      'an action nested in an If with a bad field',
      {
        C: {
          type: 'If',
          expression: true,
          actions: {},
          else: { actions: { W: { type: 'Wait', inputs: { interval: { count: 1, unit: 'Fortnight' } } } } },
        },
      },
      '/definition/actions/C/else/actions/W/inputs/interval/unit',
      "'unit' must be one of 'Second', 'Minute', 'Hour', 'Day', 'Week', 'Month' (any letter case); got the string 'Fortnight'.",
      '"unit"',
    ],
  ];
  it.each(schemaCases)(
    'reports %s with the exact pointer, message and line',
    (_name, actions, pointer, message, needle) => {
      const text = standardText(actions);
      const result = loadWorkflow(text, 'wf.json');
      expect(result.errors[0]).toMatchObject({ pointer, message, line: lineOf(text, needle) });
    },
  );

  it('suggests the closest type for a typo', () => {
    expect(load({ A: { type: 'Compse', inputs: 1 } }).errors[0]?.hint).toBe("Did you mean 'Compose'?");
  });

  const unsupported: [string, Record<string, unknown>, string][] = [
    [
      'ApiConnection',
      { type: 'ApiConnection', inputs: {} },
      "Call the service's REST API with an 'Http' action",
    ],
    [
      'ServiceProvider serviceBus',
      {
        type: 'ServiceProvider',
        inputs: {
          serviceProviderConfiguration: {
            serviceProviderId: '/serviceProviders/serviceBus',
            operationId: 'sendMessage',
          },
        },
      },
      "Use Flowline's 'ServiceBus' action for service provider 'serviceBus'.",
    ],
    ['JavaScriptCode', { type: 'JavaScriptCode', inputs: {} }, 'Inline code is not supported.'],
    ['Xslt', { type: 'Xslt', inputs: {} }, 'XSLT maps are not supported.'],
  ];
  it.each(unsupported)('rejects %s, naming it and what Flowline supports instead', (type, action, advice) => {
    const [error] = load({ Op: action }).errors;
    expect(error?.message).toBe(`The action type '${String(action.type)}' is not supported by Flowline.`);
    expect(error?.pointer).toBe('/definition/actions/Op/type');
    expect(error?.hint).toContain(advice);
    expect(type).toBeTruthy();
  });

  it('rejects an ARM template expression used as a type, saying ARM resolves it at deployment', () => {
    const [error] = load({ A: { type: "[variables('actionType')]" } }).errors;
    expect(error?.message).toContain('is an ARM template expression');
  });

  it('rejects kind Agentic with a hint', () => {
    const text = JSON.stringify({ definition: { actions: {} }, kind: 'Agentic' });
    expect(loadWorkflow(text, 'a.json').errors[0]).toMatchObject({
      pointer: '/kind',
      hint: 'Agentic workflows (AI agent loops) are not supported by Flowline.',
    });
  });

  it('warns about unknown keys in well-known objects with a did-you-mean, and keeps them', () => {
    const result = load({ A: { type: 'Compose', inputs: 1, runafter: {} } });
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]).toMatchObject({
      pointer: '/definition/actions/A/runafter',
      hint: "Did you mean 'runAfter'?",
    });
  });

  it('validates triggers: Recurrence needs a frequency', () => {
    const text = JSON.stringify(
      { definition: { triggers: { t: { type: 'Recurrence', recurrence: { interval: 1 } } }, actions: {} } },
      null,
      2,
    );
    expect(loadWorkflow(text, 'r.json').errors[0]).toMatchObject({
      pointer: '/definition/triggers/t/recurrence/frequency',
      message: "'frequency' is required.",
    });
  });
});

describe('malformed definitions', () => {
  const shapes: unknown[] = [
    { actions: 5 },
    { actions: { A: 5, B: null, C: [] } },
    { actions: { A: { type: 'If', expression: 5, actions: 7, else: 3 } } },
    { actions: { S: { type: 'Switch', expression: '@x', cases: 'x', default: [] } } },
    { actions: { A: { type: 'Compose', runAfter: [1], runtimeConfiguration: 'x', inputs: '@{' } } },
    {
      actions: {
        V: { type: 'InitializeVariable', inputs: { variables: 'x' } },
        W: { type: 'Foreach', foreach: 1, actions: { X: { type: 'SetVariable' } } },
      },
    },
    { triggers: { t: 1, u: { type: 5 } }, outputs: 'x', parameters: [] },
  ];
  it.each(shapes.map((s) => [JSON.stringify(s), s]))(
    'reports errors without throwing for %s',
    (_text, shape) => {
      const result = loadWorkflow(JSON.stringify(shape), 'm.json');
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.definition).toBeUndefined();
    },
  );
});
