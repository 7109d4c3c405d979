#!/usr/bin/env node
/**
 * `flowline` command-line entry. Each command lives in `commands/<name>.ts` and exports `run(argv)`
 * returning the process exit code; this file only dispatches.
 */
import { commands } from './commands';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printUsage();
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`flowline: unknown command '${name}'. Run 'flowline --help' for the list.\n`);
    return 1;
  }
  return command.run(rest);
}

function printUsage(): void {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  process.stdout.write(`Usage: flowline <command> [options]\n\nCommands:\n${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `flowline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
