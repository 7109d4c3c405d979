import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowJsonSchema, workflowJsonSchemaText } from '../../src/definition/json-schema';

describe('the generated JSON Schema', () => {
  it('matches the checked-in schemas/workflow.schema.json', () => {
    const checkedIn = readFileSync(join(__dirname, '../../schemas/workflow.schema.json'), 'utf8');
    expect(
      checkedIn === workflowJsonSchemaText(),
      'schemas/workflow.schema.json is out of date: run `npm run schema`',
    ).toBe(true);
  });

  it('defines every action kind with a title for editor completion', () => {
    const defs = (workflowJsonSchema().$defs ?? {}) as Record<string, { anyOf?: { title?: string }[] }>;
    const titles = (defs.Action?.anyOf ?? []).map((a) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Http',
        'Foreach',
        'Until',
        'Terminate',
        'Workflow',
        'ServiceBus',
        'KeyVaultSecret',
      ]),
    );
    expect(titles).toHaveLength(29);
  });
});
