import { writeFile } from 'node:fs/promises';
import { workflowJsonSchemaText } from '../../definition/json-schema';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline schema [--out file]

Prints the JSON Schema of workflow files (generated from the zod schemas), or writes it to
--out. The checked-in copy is schemas/workflow.schema.json (npm run schema).`;

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print or write the JSON Schema for workflow files',
  async run(argv) {
    const parsed = parseCommand('schema', USAGE, argv, { out: { type: 'string' } });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const text = workflowJsonSchemaText();
    if (values.out === undefined) process.stdout.write(text);
    else await writeFile(values.out, text, 'utf8');
    return 0;
  },
};
