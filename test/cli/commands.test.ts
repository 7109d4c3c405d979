/** Every `flowline` command answers a mistyped option the same way: the error, the usage, exit code 1. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../src/cli/commands';

describe('every command', () => {
  const err: string[] = [];
  const out: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  afterEach(() => {
    err.length = 0;
    out.length = 0;
  });

  it.each(commands.map((command) => [command.name, command] as const))(
    '%s refuses an unknown option with its usage and exit code 1',
    async (name, command) => {
      expect(await command.run(['--no-such-option'])).toBe(1);
      expect(err.join('')).toMatch(new RegExp(`^flowline ${name}: Unknown option '--no-such-option'`));
      expect(err.join('')).toContain(`Usage: flowline ${name}`);
    },
  );

  it.each(commands.map((command) => [command.name, command] as const))(
    '%s prints its usage for --help and exits 0',
    async (name, command) => {
      expect(await command.run(['--help'])).toBe(0);
      expect(out.join('')).toContain(`Usage: flowline ${name}`);
    },
  );
});
