/**
 * Foreach: one fiber per iteration, at most `runtimeConfiguration.concurrency.repetitions` (default
 * 20, 1-50) at a time, or one at a time with `operationOptions: "Sequential"`. Iterations start in
 * item order; the loop fails when any iteration has an unhandled failure, after all have run. A
 * loop over more items than the partition size runs them in child runs (../partition/parent.ts).
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { runPartitioned } from '../partition/parent';
import { partitionSize } from '../partition/size';
import type { ActionRecord } from '../run-types';
import { type Executor, failed, fromGraph } from './env';
import { runIterations } from './iterations';

export const DEFAULT_CONCURRENCY = 20;
export const MAX_ITEMS = 100_000;

export const foreach: Executor = function* (env) {
  const items = env.evaluate(env.def.foreach);
  if (!Array.isArray(items)) {
    return failed(
      'InvalidTemplate',
      `The 'foreach' expression of action '${env.record.name}' must evaluate to an array, but it evaluated to ${typeName(items)}.`,
    );
  }
  if (items.length > MAX_ITEMS) {
    return failed(
      'InvalidTemplate',
      `The 'foreach' array has ${items.length} items; the limit is ${MAX_ITEMS}.`,
    );
  }
  const limit = concurrencyOf(env.def);
  const size = partitionSize(env.state);
  if (items.length > size) return yield* runPartitioned(env, items, limit, size);
  const iterations: ActionRecord[][] = [];
  env.record.iterations = iterations;
  const failedAny = yield* runIterations({
    state: env.state,
    frame: env.frame,
    loop: env.record.name,
    body: env.def.actions,
    items,
    first: 0,
    limit,
    into: iterations,
    runActions: (actions, frame) => env.runActions(actions, frame),
  });
  return fromGraph({ status: failedAny ? 'Failed' : 'Succeeded', records: [] }, { inputs: items });
};

function concurrencyOf(def: Record<string, JsonValue>): number {
  const options = typeof def.operationOptions === 'string' ? def.operationOptions.toLowerCase() : '';
  if (options.split(',').some((o) => o.trim() === 'sequential')) return 1;
  const config = def.runtimeConfiguration;
  const concurrency = isJsonObject(config) && isJsonObject(config.concurrency) ? config.concurrency : {};
  const repetitions = concurrency.repetitions;
  return typeof repetitions === 'number' && repetitions >= 1
    ? Math.min(50, Math.floor(repetitions))
    : DEFAULT_CONCURRENCY;
}

export function typeName(value: JsonValue): string {
  if (value === null) return "type 'Null'";
  if (Array.isArray(value)) return "type 'Array'";
  if (typeof value === 'object') return "type 'Object'";
  if (typeof value === 'number') return Number.isInteger(value) ? "type 'Integer'" : "type 'Float'";
  return `type '${typeof value === 'string' ? 'String' : 'Boolean'}'`;
}
