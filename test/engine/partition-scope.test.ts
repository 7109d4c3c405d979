/**
 * What the body of a partitioned loop sees and what it can do to the run: earlier actions, the
 * trigger, parameters, enclosing loops, variables written from several places at once, Response and
 * Terminate. Each case runs inline and partitioned and must come out the same.
 */
import { describe, expect, it } from 'vitest';
import type { RunInput } from '../../src/engine/run-types';
import type { JsonValue } from '../../src/expressions/values';
import { compose, find, http, httpAction, inputOf, uriOf } from './helpers';
import { type ActivityHandler, type RunOutcome, runWorkflow } from './memory-port';

const ok: ActivityHandler = (input) => http(200, { afterMs: 100, body: { uri: uriOf(input) } });

const runBoth = (input: RunInput, activity: ActivityHandler = ok): [RunOutcome, RunOutcome] =>
  [100_000, 10].map((size) =>
    runWorkflow(input, {
      runId: 'run-7',
      activity,
      appSettings: { FLOWLINE_FOREACH_PARTITION: String(size) },
    }),
  ) as [RunOutcome, RunOutcome];

const sorted = (value: JsonValue | undefined): string[] =>
  (Array.isArray(value) ? value : []).map((v) => JSON.stringify(v)).sort();

describe('the body of a partitioned loop', () => {
  it('sees earlier actions, the trigger, parameters, enclosing loops and the run, as inline', () => {
    const input = inputOf(
      {
        Init: {
          type: 'InitializeVariable',
          inputs: {
            variables: [
              { name: 'seen', type: 'Array' },
              { name: 'total', type: 'Integer' },
            ],
          },
        },
        Before: httpAction('before', { runAfter: { Init: [] } }),
        Outer: {
          type: 'Foreach',
          foreach: '@range(0, 3)',
          runAfter: { Before: [] },
          actions: {
            Inner: {
              type: 'Foreach',
              foreach: '@range(0, 25)',
              actions: {
                Show: compose({
                  outer: "@items('Outer')",
                  inner: '@item()',
                  indexes: "@iterationIndexes('Inner')",
                  before: "@body('Before')?['uri']",
                  p: "@parameters('p')",
                  trigger: "@triggerBody()?['x']",
                  run: '@workflow().run.name',
                }),
                Keep: {
                  type: 'AppendToArrayVariable',
                  inputs: { name: 'seen', value: "@outputs('Show')" },
                  runAfter: { Show: [] },
                },
                Add: {
                  type: 'IncrementVariable',
                  inputs: { name: 'total', value: '@item()' },
                  runAfter: { Show: [] },
                },
              },
            },
          },
        },
      },
      {
        outputs: {
          seen: { type: 'Array', value: "@variables('seen')" },
          total: { type: 'Int', value: "@variables('total')" },
        },
      },
      {
        parameters: { p: 'pv' },
        trigger: {
          name: 'manual',
          type: 'Request',
          startTime: '2024-01-01T00:00:00.000Z',
          outputs: { body: { x: 'tx' } },
        },
      },
    );
    const [inline, parted] = runBoth(input);
    // Three outer iterations run at once, each writing the same variables from its partitions.
    expect(parted.port.children.map((c) => c.state.input.partition?.first)).toEqual([
      0, 0, 0, 10, 10, 10, 20, 20, 20,
    ]);
    expect(parted.result.outputs?.['total']).toBe(3 * 300);
    expect(sorted(parted.result.outputs?.['seen'])).toEqual(sorted(inline.result.outputs?.['seen']));
    expect(sorted(parted.result.outputs?.['seen'])).toHaveLength(75);
    expect(inline.result.outputs?.['seen']).toContainEqual({
      outer: 2,
      inner: 24,
      indexes: 24,
      before: 'before',
      p: 'pv',
      trigger: 'tx',
      run: 'run-7',
    });
  });

  it('carries only the records its body names, not the source of its items', () => {
    const input = inputOf({
      Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'out', type: 'Array' }] } },
      Big: compose('@range(0, 40)', { Init: [] }),
      Small: compose('small', { Big: [] }),
      Unused: compose('unused', { Big: [] }),
      Loop: {
        type: 'Foreach',
        foreach: "@outputs('Big')",
        runAfter: { Small: [], Unused: [] },
        operationOptions: 'Sequential',
        actions: {
          Keep: {
            type: 'AppendToArrayVariable',
            inputs: { name: 'out', value: "@concat(outputs('Small'), item())" },
          },
        },
      },
    });
    const [inline, parted] = runBoth(input);
    const scopes = parted.port.children.map((c) => c.state.input.partition?.scope.map((r) => r['name']));
    expect(scopes).toEqual([['Small'], ['Small'], ['Small'], ['Small']]);
    expect(parted.state.variables.get('out')?.value).toEqual(inline.state.variables.get('out')?.value);
    expect(parted.state.variables.get('out')?.value).toHaveLength(40);
  });

  it('makes the same calls in the same order', () => {
    const input = inputOf({
      Loop: { type: 'Foreach', foreach: '@range(0, 25)', actions: { Call: httpAction('item-@{item()}') } },
    });
    const paths: string[][] = [];
    for (const run of runBoth(input, (value, _call, port) => {
      paths.push([port.runId, uriOf(value)]);
      return http(200);
    }))
      expect(run.result.status).toBe('Succeeded');
    const inlineCalls = paths.filter(([id]) => id === 'run-7').map(([, uri]) => uri);
    const partedCalls = paths.filter(([id]) => id !== 'run-7').map(([, uri]) => uri);
    expect(partedCalls).toEqual(inlineCalls);
  });

  it('ends the whole run when a Terminate inside it runs, and starts no further partition', () => {
    const input = inputOf({
      Loop: {
        type: 'Foreach',
        foreach: '@range(0, 40)',
        operationOptions: 'Sequential',
        actions: {
          Call: httpAction('item-@{item()}'),
          Stop: {
            type: 'If',
            expression: { equals: ['@item()', 15] },
            runAfter: { Call: [] },
            actions: {
              End: {
                type: 'Terminate',
                inputs: { runStatus: 'Failed', runError: { code: 'Enough', message: 'at 15' } },
              },
            },
          },
        },
      },
      Later: compose('never', { Loop: [] }),
    });
    const [inline, parted] = runBoth(input);
    expect(parted.result).toEqual(inline.result);
    expect(parted.result).toEqual({ status: 'Failed', error: { code: 'Enough', message: 'at 15' } });
    expect(parted.port.children).toHaveLength(2);
    expect(parted.port.children.flatMap((c) => c.port.calls)).toHaveLength(16);
    expect(find(parted.actions, 'Loop').status).toBe('Cancelled');
    expect(find(inline.actions, 'Loop').status).toBe('Cancelled');
    expect(parted.actions.map((a) => a.name)).toEqual(['Loop']);
  });

  it('answers the caller from a Response inside it, once', () => {
    const input = inputOf({
      Loop: {
        type: 'Foreach',
        foreach: '@range(0, 30)',
        operationOptions: 'Sequential',
        actions: {
          Reply: {
            type: 'If',
            expression: { greaterOrEquals: ['@item()', 12] },
            actions: { Answer: { type: 'Response', inputs: { statusCode: 201, body: '@item()' } } },
          },
        },
      },
    });
    const [inline, parted] = runBoth(input);
    expect(parted.result.response).toEqual({ statusCode: 201, headers: {}, body: 12 });
    expect(parted.port.statuses).toEqual(inline.port.statuses);
    const codes = (run: RunOutcome): (string | undefined)[] =>
      (find(run.actions, 'Loop').iterations ?? []).map((list) => list[0]?.status);
    expect(codes(parted)).toEqual(codes(inline));
    expect(find(parted.actions, 'Loop').status).toBe('Failed');
  });
});
