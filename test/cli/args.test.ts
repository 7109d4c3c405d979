/** The argument parsing every command shares: --help, parse errors and positionals. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../src/cli/args';

describe('parseCommand', () => {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  afterEach(() => {
    out.length = 0;
    err.length = 0;
  });
  const options = { out: { type: 'string' } } as const;

  it.each([['--help'], ['-h']])('prints the usage for %s and returns exit code 0', (flag) => {
    expect(parseCommand('demo', 'Usage: demo', [flag], options)).toBe(0);
    expect(out).toEqual(['Usage: demo\n']);
  });

  it.each([
    [['--nope'], "flowline demo: Unknown option '--nope'"],
    [['stray'], "flowline demo: Unexpected argument 'stray'"],
  ])('refuses %j with the error and the usage, exit code 1', (argv, message) => {
    expect(parseCommand('demo', 'Usage: demo', argv, options)).toBe(1);
    expect(err.join('')).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(err.join('')).toContain('Usage: demo');
  });

  it('returns typed values and the positionals a command allows', () => {
    const parsed = parseCommand('demo', 'Usage: demo', ['--out', 'x.json', 'a'], options, true);
    expect(typeof parsed === 'number' ? parsed : [parsed.values.out, parsed.positionals]).toEqual([
      'x.json',
      ['a'],
    ]);
  });
});
