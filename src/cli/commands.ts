import type { Command } from './command';

/** Every `flowline` command, in the order `--help` lists them. Commands register here only. */
export const commands: readonly Command[] = [];
