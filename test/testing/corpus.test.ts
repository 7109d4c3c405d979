/**
 * The public corpus as a regression suite: every built-in-only Logic Apps workflow in
 * ../shared/corpus/logicapps runs to its end on the test harness, with a body generated from its
 * trigger schema and every I/O action mocked with `200 {}`. The table pins each outcome and why.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleFromSchema } from '../../src/testing/sample';
import { loadWorkflow } from '../../src/testing/index';
import { CORPUS, KNOWN_INVALID, readCorpusIndex } from '../support/corpus';

/**
 * Outcome per file: `Succeeded`, or `Failed: <first failed action> <code>` and why. No failure comes
 * from an engine gap: each needs context the corpus does not hold (the app's parameters.json, a
 * called workflow) or data the generic `200 {}` mocks and generated bodies cannot give.
 */
const EXPECTED: Readonly<Record<string, string>> = {
  'janne-http-hello-world.json': 'Succeeded',
  // calls workflows of its app that the corpus does not hold
  'la-burst-dispatcher.json': 'Failed: Invoke_a_workflow_in_this_workflow_app WorkflowNotFound',
  'la-github-event-trigger.json': 'Failed: Invoke_a_workflow_in_this_workflow_app WorkflowNotFound',
  // convertToUtc() of a generated string that the schema does not mark as a date-time
  'la-recurrence-create-job.json': 'Failed: Initialize_startTime InvalidTemplate',
  'la-testfw-http-action.json': 'Succeeded',
  'la-tpl-request-response.json': 'Succeeded',
  'la-tpl-scheduler-run-once-http.json': 'Succeeded',
  'labs-get-special-vehicles.json': 'Succeeded',
  // int('') of a field the generic mock answer does not have
  'labs-json-repair-engine.json': 'Failed: Set_Priority InvalidTemplate',
  'labs-schema-validator.json': 'Succeeded',
  'lau-fluent-workflow.json': 'Failed: Call_Service_One InvalidTemplate', // its app's parameters.json is not in the corpus
  'lau-http-async-workflow.json': 'Failed: Get_Customer_Details_from_Service_One InvalidTemplate', // its app's parameters.json is not in the corpus
  'lau-http-chunking-workflow.json': 'Succeeded',
  'lau-http-workflow.json': 'Failed: Validate_API_Key InvalidTemplate', // its app's parameters.json is not in the corpus (test/workflows/corpus-http.test.ts runs it with them)
  'lau-loop-workflow.json': 'Failed: Call_Service_One InvalidTemplate', // its app's parameters.json is not in the corpus
  // the called workflow's name is an ARM expression resolved at deployment
  'qs-jobscheduler-create-timer-job.json': 'Failed: TimerJob WorkflowNotFound',
  'tpl-receive-request-send-response.json': 'Succeeded',
  'tpl-tool-call-uri-http.json': 'Succeeded',
  'tpl-try-catch.json': 'Succeeded',
  'ux-all-scope-nodes.json': 'Succeeded',
  'ux-monitoring-view-conditional.json': 'Succeeded',
  'ux-multi-variable.json': 'Succeeded',
  // loops over / switches on a field of an action output that the generic mock answer leaves empty
  'ux-simple-foreach.json': 'Failed: Foreach InvalidTemplate',
  'ux-unicode-keys.json': 'Failed: Switch InvalidTemplate',
};

/** The built-in-only files that are valid WDL. */
function builtInOnly(): string[] {
  return [...readCorpusIndex()]
    .filter(([file, builtIn]) => builtIn && KNOWN_INVALID[file] === undefined)
    .map(([file]) => file)
    .sort();
}

async function outcome(file: string): Promise<string> {
  const wf = await loadWorkflow(join(CORPUS, file));
  const triggers = (wf.definition.triggers ?? {}) as Record<string, { inputs?: { schema?: unknown } }>;
  const schema = Object.values(triggers)[0]?.inputs?.schema;
  try {
    const run = await wf.run(
      { body: schema === undefined ? {} : sampleFromSchema(schema) },
      { defaultMock: { statusCode: 200, body: {} }, startTime: '2026-01-01T00:00:00Z' },
    );
    if (run.status === 'Succeeded') return 'Succeeded';
    const failed = findFailed(run.actions);
    return `${run.status}: ${failed ?? run.error?.code ?? ''}`;
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

type Rec = { name: string; status: string; code?: string; children?: Rec[]; iterations?: Rec[][] };
function findFailed(records: readonly Rec[]): string | undefined {
  for (const r of records) {
    const inner = findFailed([...(r.children ?? []), ...(r.iterations ?? []).flat()]);
    if (inner) return inner;
    if (r.status === 'Failed' || r.status === 'TimedOut') return `${r.name} ${r.code ?? r.status}`;
  }
  return undefined;
}

describe.skipIf(!existsSync(CORPUS))('the corpus on the test harness', () => {
  it('runs every built-in-only workflow to the outcome pinned for it', async () => {
    const files = builtInOnly();
    const outcomes: Record<string, string> = {};
    for (const file of files) outcomes[file] = await outcome(file);
    const passed = Object.values(outcomes).filter((o) => o === 'Succeeded').length;
    console.log(`corpus on the harness: ${passed}/${files.length} succeeded`);
    expect(outcomes).toEqual(EXPECTED);
  });
});
