/** Which files a folder scan (`flowline validate <dir>`, the served catalog) treats as workflows. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWorkflowFileName, workflowFiles } from '../../src/definition/files';

describe('workflow files', () => {
  it.each([
    ['order.json', true],
    ['Order.JSON', true],
    ['order.test.json', false],
    ['parameters.json', false],
    ['connections.json', false],
    ['host.json', false],
    ['local.settings.json', false],
    ['order.yaml', false],
  ])('treats %s as a workflow: %s', (name, expected) => {
    expect(isWorkflowFileName(name)).toBe(expected);
  });

  it('leaves parameters.json out when it validates the examples folder', async () => {
    const files = (await workflowFiles([resolve(__dirname, '../../workflows')])).map((f) =>
      f.split('/').at(-1),
    );
    expect(files).toContain('partner-order.json');
    expect(files).not.toContain('parameters.json');
  });
});
