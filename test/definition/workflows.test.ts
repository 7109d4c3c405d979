/** Every workflow shipped in workflows/ validates with zero errors. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { workflowFiles } from '../../src/definition/files';
import { loadWorkflowFile } from '../../src/definition/loader';

const DIR = join(__dirname, '../../workflows');

it('validates every file in workflows/ with zero errors', async () => {
  const files = existsSync(DIR) ? await workflowFiles([DIR]) : [];
  const errors: string[] = [];
  let loaded = 0;
  for (const file of files) {
    const result = await loadWorkflowFile(file);
    if (result.definition !== undefined) loaded++;
    errors.push(...result.errors.map((e) => `${e.file}:${e.line ?? 0} ${e.pointer} ${e.message}`));
  }
  expect(errors).toEqual([]);
  // Not vacuous: every file found was read as a workflow definition.
  expect(loaded).toBe(files.length);
});
