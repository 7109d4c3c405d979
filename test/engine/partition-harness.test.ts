/**
 * The test harness (flowline/testing) runs large loops partitioned as the Functions app does, and
 * shows the same run: the partitions' iterations are put back into their loop, with full records.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../src/engine/run-types';
import { loadWorkflow } from '../../src/testing/index';
import type { TestRun } from '../../src/testing/run';

const definition = {
  $schema:
    'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
  contentVersion: '1.0.0.0',
  triggers: { manual: { type: 'Request', kind: 'Http' } },
  actions: {
    Init: {
      type: 'InitializeVariable',
      inputs: { variables: [{ name: 'sum', type: 'Integer', value: 0 }] },
    },
    Loop: {
      type: 'Foreach',
      foreach: '@range(0, 2000)',
      runAfter: { Init: ['Succeeded'] },
      actions: {
        Call: {
          type: 'Http',
          inputs: { method: 'POST', uri: 'https://example.test/items', body: '@item()' },
        },
        Add: {
          type: 'IncrementVariable',
          inputs: { name: 'sum', value: '@item()' },
          runAfter: { Call: ['Succeeded'] },
        },
      },
    },
  },
  outputs: { sum: { type: 'Int', value: "@variables('sum')" } },
};

const shape = (run: TestRun): unknown[] =>
  (run.action('Loop').iterations ?? []).map((list: readonly ActionRecord[]) =>
    list.map((r) => [r.name, r.status, r.inputs, r.outputs]),
  );

describe('the test harness with a loop over 2,000 items', () => {
  it('gives the same tree, calls, variables and outputs in partitions of 500 as inline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-harness-'));
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ definition, kind: 'Stateful' }));
    const wf = await loadWorkflow(join(dir, 'big.json'));
    const [inline, parted] = await Promise.all(
      ['100000', '500'].map((size) =>
        wf.run(
          {},
          { defaultMock: { statusCode: 200, body: 'ok' }, appSettings: { FLOWLINE_FOREACH_PARTITION: size } },
        ),
      ),
    );
    if (inline === undefined || parted === undefined) throw new Error('no runs');
    expect(parted.action('Loop').partitions).toHaveLength(4);
    expect(parted.children).toEqual([]);
    expect(parted.outputs).toEqual({ sum: 1999000 });
    expect(parted.outputs).toEqual(inline.outputs);
    expect(parted.variables).toEqual(inline.variables);
    expect(shape(parted)).toEqual(shape(inline));
    expect(parted.action('Call', 1234).inputs).toMatchObject({ body: 1234 });
  });
});
