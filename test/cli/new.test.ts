/** `flowline new`: every template writes a workflow that validates and a JSON test that passes as written. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCommand } from '../../src/cli/commands/new';
import { templates } from '../../src/cli/templates/index';
import { loadWorkflow } from '../../src/definition/loader';
import { runJsonTestFile } from '../../src/testing/json-tests';

describe('flowline new', () => {
  it.each(Object.keys(templates))(
    'writes a %s workflow that validates and whose tests pass',
    async (template) => {
      const dir = mkdtempSync(join(tmpdir(), 'flowline-new-'));
      expect(await newCommand.run(['demo', '--template', template, '--workflows', dir])).toBe(0);
      const loaded = loadWorkflow(readFileSync(join(dir, 'demo.json'), 'utf8'), 'demo.json');
      expect([...loaded.errors, ...loaded.warnings]).toEqual([]);
      const results = await runJsonTestFile(join(dir, 'demo.test.json'));
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.failure ?? ''}`)).toEqual([]);
    },
  );

  it.each([
    [['demo', '--template', 'nope'], "unknown template 'nope'"],
    [['1bad'], 'the name must start with a letter'],
  ])('refuses %j', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-new-'));
    let stderr = '';
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string) => ((stderr += chunk), true);
    try {
      expect(await newCommand.run([...args, '--workflows', dir])).toBe(1);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr).toContain(message);
  });

  it('never overwrites an existing workflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-new-'));
    expect(await newCommand.run(['demo', '--workflows', dir])).toBe(0);
    expect(await newCommand.run(['demo', '--template', 'batch', '--workflows', dir])).toBe(1);
    expect(readFileSync(join(dir, 'demo.json'), 'utf8')).toContain('Answers a greeting');
  });
});
