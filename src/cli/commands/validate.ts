import type { Diagnostic } from '../../definition/diagnostic';
import { workflowFiles } from '../../definition/files';
import { formatDiagnostic, summaryLine } from '../../definition/format';
import { loadWorkflowFile } from '../../definition/loader';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline validate [paths...] [--json]

Checks workflow files (default: every *.json under workflows/): JSON syntax, the schema of
every trigger and action, runAfter targets and cycles, WDL limits, and every expression
(syntax, functions, arity, and the actions, variables, parameters and loops it names).
Exit code 0 when there are no errors (warnings allowed), 1 otherwise.
--json prints one array of {file, severity, pointer, message, line, column, ...} objects.`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check workflow files and report errors with file, line and JSON pointer',
  async run(argv) {
    const parsed = parseCommand('validate', USAGE, argv, { json: { type: 'boolean' } }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    let files: string[];
    try {
      files = await workflowFiles(positionals.length > 0 ? positionals : ['workflows']);
    } catch (error) {
      const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT' && 'path' in error;
      process.stderr.write(
        missing
          ? `flowline validate: '${String(error.path)}' does not exist. Pass workflow files or folders, or run it where workflows/ is.\n`
          : `${error instanceof Error ? error.message : String(error)}\n`,
      );
      return 1;
    }
    const all: Diagnostic[] = [];
    for (const file of files) {
      const result = await loadWorkflowFile(file);
      all.push(
        ...[...result.errors, ...result.warnings].sort(
          (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
        ),
      );
    }
    const errors = all.filter((d) => d.severity === 'error').length;
    if (values.json) {
      process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    } else {
      for (const d of all) process.stdout.write(`${formatDiagnostic(d)}\n`);
      process.stdout.write(`${summaryLine(files.length, errors, all.length - errors)}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
