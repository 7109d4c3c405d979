/**
 * `flowline test [pattern] [--workflows dir]`: runs every `*.test.json` in the workflows folder (those
 * whose file or test name contains `pattern`), prints each case and a summary, exits 1 on a failure.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { workflowsDir } from '../../functions/workflows/catalog';
import { runJsonTestFile } from '../../testing/json-tests';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline test [pattern] [--workflows dir]

Runs the JSON tests (<workflow>.test.json) of the workflows folder (default ./workflows, or
FLOWLINE_WORKFLOWS_DIR) in process, with mocks and time skipping. With a pattern, only the tests whose
file or name contains it.`;

export const testCommand: Command = {
  name: 'test',
  summary: 'Run the JSON tests of the workflows (<workflow>.test.json)',
  async run(argv) {
    const parsed = parseCommand(
      'test',
      USAGE,
      argv,
      {
        workflows: { type: 'string' },
      },
      true,
    );
    if (typeof parsed === 'number') return parsed;
    const dir =
      parsed.values.workflows === undefined ? workflowsDir(process.cwd()) : resolve(parsed.values.workflows);
    const pattern = parsed.positionals[0]?.toLowerCase() ?? '';
    const files = (await readdir(dir)).filter((f) => f.endsWith('.test.json')).sort();
    const started = Date.now();
    let passed = 0;
    let failed = 0;
    for (const file of files) {
      const results = await runJsonTestFile(join(dir, file));
      for (const result of results) {
        if (!`${file} ${result.name}`.toLowerCase().includes(pattern)) continue;
        const where = relative(process.cwd(), result.file);
        if (result.passed) {
          passed++;
          process.stdout.write(`✓ ${where} › ${result.name} (${result.ms} ms)\n`);
        } else {
          failed++;
          process.stdout.write(`✗ ${where} › ${result.name}\n${indent(result.failure ?? '')}\n`);
        }
      }
    }
    const summary = `${passed} passed, ${failed} failed (${Date.now() - started} ms)`;
    process.stdout.write(`\n${passed + failed === 0 ? `No JSON tests matched in ${dir}.` : summary}\n`);
    return failed === 0 && passed + failed > 0 ? 0 : 1;
  },
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
