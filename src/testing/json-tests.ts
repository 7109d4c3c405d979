/**
 * JSON test files: `workflows/<name>.test.json` next to `<name>.json`, for teams that never write
 * TypeScript. Each case gives a trigger, mocks and expectations; `flowline test` and `npm test` run them.
 *
 * ```json
 * { "tests": [ { "name": "answers 201", "trigger": { "body": {...} },
 *     "mocks": { "Reserve_stock": { "statusCode": 200, "body": { "reservationId": "r-1" } } },
 *     "expect": { "status": "Succeeded", "response": { "statusCode": 201 },
 *                 "actions": { "Reserve_stock": { "status": "Succeeded", "retries": 0 } } } } ] }
 * ```
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Mocks } from './mocks';
import type { TestRun } from './run';
import { checkRun, type RunExpectation } from './assert';
import { loadWorkflow, TriggerRejected, type TriggerCall } from './workflow';

export interface JsonTestCase {
  readonly name: string;
  readonly trigger?: TriggerCall;
  readonly mocks?: Mocks;
  readonly appSettings?: Record<string, string>;
  readonly events?: { name: string; payload: unknown; afterMs?: number }[];
  readonly parameters?: Record<string, unknown>;
  readonly expect: RunExpectation & {
    /** The trigger body is refused by the trigger's schema (no run). */
    readonly rejected?: boolean;
  };
}

export interface JsonTestResult {
  readonly file: string;
  readonly name: string;
  readonly passed: boolean;
  /** Why it failed: the first divergence, then the run tree. */
  readonly failure?: string;
  readonly ms: number;
}

export async function runJsonTestFile(file: string): Promise<JsonTestResult[]> {
  const spec = JSON.parse(await readFile(file, 'utf8')) as { workflow?: string; tests?: JsonTestCase[] };
  const workflowFile = join(dirname(file), spec.workflow ?? `${basename(file, '.test.json')}.json`);
  const results: JsonTestResult[] = [];
  for (const test of spec.tests ?? []) {
    const started = Date.now();
    const failure = await runCase(workflowFile, test);
    results.push({
      file,
      name: test.name,
      passed: failure === undefined,
      ...(failure ? { failure } : {}),
      ms: Date.now() - started,
    });
  }
  return results;
}

async function runCase(workflowFile: string, test: JsonTestCase): Promise<string | undefined> {
  const workflow = await loadWorkflow(
    workflowFile,
    test.parameters ? { parameters: test.parameters as never } : {},
  );
  let run: TestRun;
  try {
    run = await workflow.run(test.trigger ?? {}, {
      ...(test.mocks ? { mocks: test.mocks } : {}),
      ...(test.appSettings ? { appSettings: test.appSettings } : {}),
      ...(test.events ? { events: test.events } : {}),
      runId: 'test-run',
    });
  } catch (error) {
    if (error instanceof TriggerRejected) return test.expect.rejected === true ? undefined : error.message;
    throw error;
  }
  if (test.expect.rejected === true) return 'expected the trigger to reject the body, but the run started';
  return checkRun(run, test.expect);
}
