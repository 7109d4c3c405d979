import type { Command } from './command';
import { exprCommand } from './commands/expr';
import { schemaCommand } from './commands/schema';
import { startCommand } from './commands/start';
import { validateCommand } from './commands/validate';

/** Every `flowline` command, in the order `--help` lists them. Commands register here only. */
export const commands: readonly Command[] = [startCommand, exprCommand, validateCommand, schemaCommand];
