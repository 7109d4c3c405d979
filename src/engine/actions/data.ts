/**
 * The data operations: Select, Query (Filter array), Join, Table and ParseJson. They run in the
 * orchestrator; `item()` inside `select`, `where` and column values is the current element.
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { createContext } from '../context';
import { Frame } from '../frame';
import { join } from '../ops/join';
import { parseJsonAction } from '../ops/schema';
import { query } from '../ops/query';
import { select } from '../ops/select';
import { table } from '../ops/table';
import { type ActionEnv, sync } from './env';
import { text } from '../text';

/** Evaluates `template` with `item()` bound to `item`. */
function perItem(env: ActionEnv, template: unknown): (item: JsonValue, index: number) => JsonValue {
  return (item, index) => {
    const frame = new Frame(env.frame, { name: env.record.name, kind: 'foreach', index, item });
    return env.evaluate(template, createContext(env.state, frame, { current: env.record }));
  };
}

const inputsOf = (env: ActionEnv): Record<string, unknown> =>
  isJsonObject(env.def.inputs) ? env.def.inputs : {};

export const selectAction = sync((env) => {
  const raw = inputsOf(env);
  const from = env.evaluate(raw.from);
  const body = select(from, perItem(env, raw.select));
  return {
    status: 'Succeeded',
    inputs: { from, select: (raw.select ?? null) as JsonValue },
    outputs: { body },
  };
});

export const queryAction = sync((env) => {
  const raw = inputsOf(env);
  const from = env.evaluate(raw.from);
  const body = query(from, perItem(env, raw.where));
  return {
    status: 'Succeeded',
    inputs: { from, where: (raw.where ?? null) as JsonValue },
    outputs: { body },
  };
});

export const joinAction = sync((env) => {
  const raw = inputsOf(env);
  const from = env.evaluate(raw.from);
  const joinWith = env.evaluate(raw.joinWith ?? '');
  const body = join(from, typeof joinWith === 'string' ? joinWith : text(joinWith));
  return { status: 'Succeeded', inputs: { from, joinWith }, outputs: { body } };
});

export const tableAction = sync((env) => {
  const raw = inputsOf(env);
  const from = env.evaluate(raw.from);
  const format = text(env.evaluate(raw.format ?? 'CSV'));
  const columns = Array.isArray(raw.columns)
    ? raw.columns.filter(isJsonObject).map((column) => ({
        ...(typeof column.header === 'string' ? { header: column.header } : {}),
        value: perItem(env, column.value),
      }))
    : undefined;
  const body = table(from, format === 'HTML' || format.toLowerCase() === 'html' ? 'HTML' : 'CSV', columns);
  return { status: 'Succeeded', inputs: { from, format }, outputs: { body } };
});

export const parseJson = sync((env) => {
  const raw = inputsOf(env);
  const content = env.evaluate(raw.content);
  const schema = env.evaluate(raw.schema ?? {});
  const body = parseJsonAction(content, schema);
  return { status: 'Succeeded', inputs: { content, schema }, outputs: { body } };
});
