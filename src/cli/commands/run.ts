/**
 * `flowline run <workflow> [--input body.json] [--mock mocks.json] [--real] [--outputs]`: runs a
 * workflow once, in process, on the test harness (mocks, time skipping, no host) and prints its tree.
 * The fastest way to try a change. Exit code 0 when the run succeeded, 1 otherwise.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadWorkflow, TriggerRejected } from '../../testing/index';
import type { Mocks } from '../../testing/mocks';
import { appSettings } from '../../functions/triggers/trigger-context';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline run <workflow.json> [--input body.json] [--mock mocks.json] [--real] [--outputs]

Runs the workflow once in process, with time skipping: timers, retries and waits take no time.
--input    the trigger body (JSON file)
--mock     mocks by action name: {"Action": {"statusCode": 200, "body": ...}} or a list of results
--real     call real services for Http actions without a mock (default: they fail at once)
--outputs  print each action's outputs`;

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a workflow once in process, with mocks and time skipping, and print its run tree',
  async run(argv) {
    const parsed = parseCommand(
      'run',
      USAGE,
      argv,
      {
        input: { type: 'string' },
        mock: { type: 'string' },
        real: { type: 'boolean' },
        outputs: { type: 'boolean' },
      },
      true,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 1) {
      process.stderr.write(`${USAGE}\n`);
      return 1;
    }
    try {
      const workflow = await loadWorkflow(resolve(positionals[0] ?? ''));
      const body: unknown = values.input === undefined ? null : await readJson(values.input);
      const mocks = (values.mock === undefined ? {} : await readJson(values.mock)) as Mocks;
      const run = await workflow.run(
        { body },
        { mocks, unmocked: values.real ? 'real' : 'fail', appSettings: appSettings(), runId: 'local-run' },
      );
      process.stdout.write(`${run.tree({ outputs: values.outputs === true })}\n`);
      if (run.response)
        process.stdout.write(`response ${run.response.statusCode}: ${JSON.stringify(run.response.body)}\n`);
      process.stdout.write(`virtual time ${run.elapsedMs} ms\n`);
      return run.status === 'Succeeded' ? 0 : 1;
    } catch (error) {
      if (error instanceof TriggerRejected || error instanceof SyntaxError || isFileError(error)) {
        process.stderr.write(`flowline run: ${(error as Error).message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(resolve(path), 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SyntaxError(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

function isFileError(error: unknown): boolean {
  return error instanceof Error && (/^ENOENT|has errors:/.test(error.message) || 'code' in error);
}
