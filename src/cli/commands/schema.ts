import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { workflowJsonSchemaText } from '../../definition/json-schema';
import type { Command } from '../command';

const USAGE = `Usage: flowline schema [--out file]

Prints the JSON Schema of workflow files (generated from the zod schemas), or writes it to
--out. The checked-in copy is schemas/workflow.schema.json (npm run schema).`;

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print or write the JSON Schema for workflow files',
  async run(argv) {
    const { values } = parseArgs({
      args: [...argv],
      options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const text = workflowJsonSchemaText();
    if (values.out === undefined) process.stdout.write(text);
    else await writeFile(values.out, text, 'utf8');
    return 0;
  },
};
