/**
 * `flowline openapi [--workflows dir] [--out file] [--server url] [--tenant id] [--title t]`: the
 * OpenAPI 3.0 document of the workflows' Request triggers, for API Management to import.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openApiDocument } from '../../gateway/openapi';
import { Catalog, workflowsDir } from '../../functions/workflows/catalog';
import { version } from '../../version';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline openapi [--workflows dir] [--out file] [--server url] [--tenant id] [--title text]

Prints the OpenAPI 3.0 document of every Request trigger in the workflows folder (default
./workflows, or FLOWLINE_WORKFLOWS_DIR), or writes it to --out. --server sets the server URL
(default /api), --tenant the Entra tenant of the OpenID Connect scheme.`;

export const openApiCommand: Command = {
  name: 'openapi',
  summary: 'Print or write the OpenAPI 3.0 document of the workflow triggers',
  async run(argv) {
    const parsed = parseCommand('openapi', USAGE, argv, {
      workflows: { type: 'string' },
      out: { type: 'string' },
      server: { type: 'string' },
      tenant: { type: 'string' },
      title: { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const dir = values.workflows === undefined ? workflowsDir(process.cwd()) : resolve(values.workflows);
    const entries = await new Catalog(dir).list();
    for (const entry of entries.filter((e) => e.definition === undefined)) {
      process.stderr.write(
        `flowline openapi: skipped ${entry.file}: it has errors (run flowline validate).\n`,
      );
    }
    const document = openApiDocument(entries, {
      title: values.title ?? 'Flowline workflows',
      version,
      ...(values.server === undefined ? {} : { serverUrl: values.server }),
      ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
    });
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (values.out === undefined) process.stdout.write(text);
    else await writeFile(values.out, text, 'utf8');
    return 0;
  },
};
