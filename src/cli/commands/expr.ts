import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ExpressionError } from '../../expressions/errors';
import { evaluateText } from '../../expressions/run';
import { createStaticContext, type StaticContextData } from '../../expressions/static-context';
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline expr '<expression>' [--context ctx.json]
       flowline expr --jsonl < lines.jsonl

Evaluates a workflow expression and prints its JSON value. The text may be a bare expression
(concat('a', 'b')) or a workflow string value (@concat('a', 'b'), Hello @{toUpper('x')}).
With --jsonl, reads one {"expr": "...", "context": {...}} object per line and writes one
{"value": ...} or {"error": {"message": ..., "position": ...}} line per input.`;

export const exprCommand: Command = {
  name: 'expr',
  summary: 'Evaluate a workflow expression and print its JSON value',
  async run(argv) {
    const parsed = parseCommand(
      'expr',
      USAGE,
      argv,
      { context: { type: 'string' }, jsonl: { type: 'boolean' } },
      true,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (values.jsonl) return runJsonLines();
    const [text] = positionals;
    if (text === undefined || positionals.length > 1) {
      process.stderr.write(`${USAGE}\n`);
      return 1;
    }
    const data = values.context === undefined ? {} : await readContext(values.context);
    try {
      const value = evaluateText(text, createStaticContext(data));
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      process.stderr.write(`${formatError(text, error)}\n`);
      return 1;
    }
  },
};

async function readContext(file: string): Promise<StaticContextData> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as JsonValue;
  if (!isJsonObject(parsed)) throw new Error(`${file}: the context must be a JSON object.`);
  return parsed;
}

/** The message, the expression, and a caret line under the offending text. */
export function formatError(text: string, error: ExpressionError): string {
  const lines = [`error: ${error.message}`];
  if (error.span && !text.includes('\n')) {
    const width = Math.max(1, error.span.end - error.span.start);
    lines.push(`  ${text}`, `  ${' '.repeat(error.span.start)}${'^'.repeat(width)}`);
  }
  if (error.hint) lines.push(`hint: ${error.hint}`);
  return lines.join('\n');
}

async function runJsonLines(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(evaluateLine(line))}\n`);
  }
  return 0;
}

function evaluateLine(line: string): JsonValue {
  let input: JsonValue;
  try {
    input = JSON.parse(line) as JsonValue;
  } catch (error) {
    return { error: { message: `The line is not valid JSON: ${(error as Error).message}`, position: null } };
  }
  if (!isJsonObject(input) || typeof input.expr !== 'string') {
    return { error: { message: 'Each line must be an object with a string "expr" field.', position: null } };
  }
  const context = input.context ?? {};
  if (!isJsonObject(context)) return { error: { message: '"context" must be an object.', position: null } };
  try {
    return { value: evaluateText(input.expr, createStaticContext(context)) };
  } catch (error) {
    if (error instanceof ExpressionError) {
      return { error: { message: error.message, position: error.span?.start ?? null } };
    }
    return { error: { message: error instanceof Error ? error.message : String(error), position: null } };
  }
}
