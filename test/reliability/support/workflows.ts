/** Workflow files for the reliability tests, written to a temporary folder the host serves. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Scratch {
  readonly dir: string;
  readonly workflows: string;
  readonly store: string;
  remove(): void;
}

/** A fresh folder with `workflows/` for the given definitions and a path for the store. */
export function scratch(prefix: string, definitions: Record<string, object>): Scratch {
  const dir = mkdtempSync(join(tmpdir(), `flowline-${prefix}-`));
  const workflows = join(dir, 'workflows');
  writeWorkflows(workflows, definitions);
  return {
    dir,
    workflows,
    store: join(dir, 'store.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function writeWorkflows(folder: string, definitions: Record<string, object>): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, definition] of Object.entries(definitions)) {
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(workflow(definition), null, 2), {
      flag: 'w',
    });
  }
}

function workflow(definition: object): object {
  return {
    definition: {
      $schema:
        'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
      contentVersion: '1.0.0.0',
      triggers: { manual: { type: 'Request', kind: 'Http', inputs: { method: 'POST' } } },
      ...definition,
    },
    kind: 'Stateful',
  };
}

/** An Http POST action to `<BACKEND_URL><path>` with a JSON body. */
export function post(path: string, body: unknown, extra: object = {}): object {
  return {
    type: 'Http',
    inputs: { method: 'POST', uri: `@{appsetting('BACKEND_URL')}${path}`, body },
    ...extra,
  };
}
