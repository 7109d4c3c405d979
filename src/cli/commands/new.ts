/**
 * `flowline new <name> [--template request-response|approval|batch|webhook|scheduled] [--workflows dir]`:
 * writes `<name>.json` and `<name>.test.json`; `flowline test <name>` passes at once.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { workflowsDir } from '../../functions/workflows/catalog';
import { templates } from '../templates/index';
import { parseCommand } from '../args';
import type { Command } from '../command';

const NAMES = Object.keys(templates);
const USAGE = `Usage: flowline new <name> [--template ${NAMES.join('|')}] [--workflows dir]

Templates:
${Object.entries(templates)
  .map(([name, t]) => `  ${name.padEnd(17)} ${t.summary}`)
  .join('\n')}`;

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a workflow and a JSON test for it from a template',
  async run(argv) {
    const parsed = parseCommand(
      'new',
      USAGE,
      argv,
      {
        template: { type: 'string' },
        workflows: { type: 'string' },
      },
      true,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const name = positionals[0] ?? '';
    if (!/^[A-Za-z][A-Za-z0-9-_]{0,79}$/.test(name)) {
      process.stderr.write(
        `flowline new: the name must start with a letter and use letters, digits, - or _; got '${name}'.\n${USAGE}\n`,
      );
      return 1;
    }
    const templateName = values.template ?? 'request-response';
    const template = templates[templateName];
    if (template === undefined) {
      process.stderr.write(
        `flowline new: unknown template '${templateName}'; choose one of ${NAMES.join(', ')}.\n`,
      );
      return 1;
    }
    const dir = values.workflows === undefined ? workflowsDir(process.cwd()) : resolve(values.workflows);
    const files = [join(dir, `${name}.json`), join(dir, `${name}.test.json`)] as const;
    const taken = files.find((f) => existsSync(f));
    if (taken !== undefined) {
      process.stderr.write(
        `flowline new: ${relative(process.cwd(), taken)} already exists; nothing was written.\n`,
      );
      return 1;
    }
    await mkdir(dir, { recursive: true });
    await writeFile(files[0], `${JSON.stringify(template.workflow, null, 2)}\n`, 'utf8');
    await writeFile(files[1], `${JSON.stringify(template.tests, null, 2)}\n`, 'utf8');
    const shown = files.map((f) => relative(process.cwd(), f));
    process.stdout.write(
      `Created ${shown.join(' and ')} (${templateName}).\nTry it: npx flowline test ${name}\n`,
    );
    return 0;
  },
};
