import { loadWorkflow, type LoadResult } from '../../src/definition/loader';

/** A Standard workflow.json text (2-space indent) with a Request trigger and the given actions. */
export function standardText(actions: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      definition: {
        $schema:
          'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
        contentVersion: '1.0.0.0',
        triggers: { manual: { type: 'Request', kind: 'Http', inputs: {} } },
        actions,
        ...extra,
      },
      kind: 'Stateful',
    },
    null,
    2,
  );
}

export function load(actions: Record<string, unknown>, extra: Record<string, unknown> = {}): LoadResult {
  return loadWorkflow(standardText(actions, extra), 'wf.json');
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`'${needle}' not in text`);
  return text.slice(0, index).split('\n').length;
}

export const compose = (inputs: unknown, runAfter?: Record<string, string[]>): Record<string, unknown> => ({
  type: 'Compose',
  inputs,
  ...(runAfter === undefined ? {} : { runAfter }),
});
