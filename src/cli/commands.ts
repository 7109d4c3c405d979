import type { Command } from './command';
import { apimCommand } from './commands/apim';
import { exprCommand } from './commands/expr';
import { newCommand } from './commands/new';
import { openApiCommand } from './commands/openapi';
import { runCommand } from './commands/run';
import { schemaCommand } from './commands/schema';
import { soapCommand } from './commands/soap';
import { startCommand } from './commands/start';
import { testCommand } from './commands/test';
import { tokenCommand } from './commands/token';
import { validateCommand } from './commands/validate';

/** Every `flowline` command, in the order `--help` lists them. Commands register here only. */
export const commands: readonly Command[] = [
  startCommand,
  tokenCommand,
  runCommand,
  testCommand,
  newCommand,
  exprCommand,
  validateCommand,
  schemaCommand,
  soapCommand,
  openApiCommand,
  apimCommand,
];
