import type { Command } from './command';
import { exprCommand } from './commands/expr';
import { startCommand } from './commands/start';

/** Every `flowline` command, in the order `--help` lists them. Commands register here only. */
export const commands: readonly Command[] = [startCommand, exprCommand];
