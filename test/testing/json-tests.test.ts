/** JSON test files: every `workflows/*.test.json` case runs here (so `npm test` runs them), and failures explain themselves. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJsonTestFile } from '../../src/testing/json-tests';

const WORKFLOWS = resolve(__dirname, '../../workflows');
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.test.json'));

describe.each(files)('workflows/%s', (file) => {
  it('passes every case', async () => {
    const results = await runJsonTestFile(join(WORKFLOWS, file));
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.failure ?? ''}`)).toEqual([]);
  });
});

describe('a failing JSON test', () => {
  it('names the first divergence and prints the run tree', async () => {
    const [wrongGreeting, noRejection] = await runJsonTestFile(
      resolve(__dirname, '../fixtures/json-tests/wrong.test.json'),
    );
    expect(wrongGreeting?.passed).toBe(false);
    expect(wrongGreeting?.failure?.split('\n').slice(0, 2)).toEqual([
      '→ response.body.greeting: expected "Hi, Ada!", got "Hello, Ada!"',
      '✓ run test-run: Succeeded',
    ]);
    expect(noRejection).toMatchObject({
      passed: false,
      failure: 'expected the trigger to reject the body, but the run started',
    });
  });
});
