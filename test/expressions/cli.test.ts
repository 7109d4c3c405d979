import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the compiled CLI (npm test builds it first) as a user would. */
function flowline(args: string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    [resolve(__dirname, '../../dist/cli/index.js'), 'expr', ...args],
    {
      input,
      encoding: 'utf8',
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('flowline expr', () => {
  it.each([
    [["concat('a', 'b')"], '"ab"'],
    [["@concat('a', 'b')"], '"ab"'],
    [["Hello @{toUpper('world')}"], '"Hello WORLD"'],
    [['createArray(1, 2)'], '[\n  1,\n  2\n]'],
  ])('prints the JSON value of %j', (args, expected) => {
    const result = flowline(args);
    expect(result).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('reads a context file for trigger outputs and variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-expr-'));
    const file = join(dir, 'ctx.json');
    writeFileSync(file, JSON.stringify({ trigger: { outputs: { body: { n: 2 } } }, variables: { m: 3 } }));
    expect(flowline(["mul(triggerBody()?['n'], variables('m'))", '--context', file]).stdout).toBe('6\n');
  });

  it('prints the error with a caret under the offending text and exits 1', () => {
    const result = flowline(["concat('a', nope())"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: The template function 'nope' is not defined or not valid.\n  concat('a', nope())\n              ^^^^\n",
    );
  });

  it('answers one JSON line per input line in --jsonl mode, errors included', () => {
    const input = [
      JSON.stringify({ expr: 'add(1, 2)' }),
      'not json',
      JSON.stringify({ expr: "variables('v')", context: { variables: { v: 'x' } } }),
      JSON.stringify({ expr: 'add(1' }),
      JSON.stringify({ nope: 1 }),
    ].join('\n');
    const result = flowline(['--jsonl'], input);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { value: 3 },
      { error: { message: expect.stringMatching(/^The line is not valid JSON/) as string, position: null } },
      { value: 'x' },
      {
        error: {
          message: "Expected ',' or ')' in the call to 'add' opened at 3, found the end of the expression.",
          position: 5,
        },
      },
      { error: { message: 'Each line must be an object with a string "expr" field.', position: null } },
    ]);
  });
});
