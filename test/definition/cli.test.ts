import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateCommand } from '../../src/cli/commands/validate';
import { standardText, compose } from './helpers';

function capture(): { out: () => string; restore: () => void } {
  let text = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { out: () => text, restore: () => spy.mockRestore() };
}

describe('flowline validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowline-validate-'));
  writeFileSync(join(dir, 'good.json'), standardText({ A: compose(1) }));
  writeFileSync(
    join(dir, 'order.json'),
    standardText({ Parse_JSON: compose(1), Call_API: compose('@{equals(1)}', { Parse: ['Succeeded'] }) }),
  );
  let io = capture();
  afterEach(() => io.restore());

  it('prints file:line:col, pointer, message, hint and a caret, then a summary, and exits 1 on errors', async () => {
    io = capture();
    const code = await validateCommand.run([dir]);
    const lines = io.out().split('\n');
    expect(code).toBe(1);
    expect(lines).toContain(
      `${join(dir, 'order.json')}:21:11 error /definition/actions/Call_API/runAfter/Parse: runAfter names 'Parse', which does not exist in this scope. Did you mean 'Parse_JSON'?`,
    );
    expect(lines).toContain('    @{equals(1)}');
    expect(lines).toContain('      ^');
    expect(lines.at(-2)).toBe('2 files, 2 errors, 0 warnings');
  });

  it('exits 0 for valid files and prints JSON with --json', async () => {
    io = capture();
    const code = await validateCommand.run([join(dir, 'good.json'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toEqual([]);
  });

  it('names a path that does not exist and exits 1', async () => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    try {
      expect(await validateCommand.run([join(dir, 'nope')])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(err).toContain(`'${join(dir, 'nope')}' does not exist`);
  });
});
