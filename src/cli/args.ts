/**
 * The argument parsing every `flowline` command starts with: `node:util` parseArgs plus `--help`/`-h`.
 * A number is the exit code the command returns at once: 0 after printing the usage for `--help`, 1
 * after printing the parse error and the usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

interface Config<O extends Options, P extends boolean> {
  args: string[];
  options: O & typeof HELP;
  allowPositionals: P;
}

export type Parsed<O extends Options, P extends boolean = false> = ReturnType<typeof parseArgs<Config<O, P>>>;

export function parseCommand<const O extends Options, const P extends boolean = false>(
  name: string,
  usage: string,
  argv: readonly string[],
  options: O,
  allowPositionals?: P,
): Parsed<O, P> | number {
  let parsed: Parsed<O, P>;
  try {
    parsed = parseArgs<Config<O, P>>({
      args: [...argv],
      options: { ...options, ...HELP },
      allowPositionals: (allowPositionals ?? false) as P,
    });
  } catch (error) {
    process.stderr.write(`flowline ${name}: ${(error as Error).message}\n${usage}\n`);
    return 1;
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return parsed;
}
