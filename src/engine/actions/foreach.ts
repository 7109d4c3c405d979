/**
 * Foreach: one fiber per iteration, at most `runtimeConfiguration.concurrency.repetitions` (default
 * 20, 1-50) at a time, or one at a time with `operationOptions: "Sequential"`. Iterations start in
 * item order; the loop fails when any iteration has an unhandled failure, after all have run.
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { Frame } from '../frame';
import type { ActionRecord } from '../run-types';
import type { Fiber } from '../scheduler';
import { type Executor, failed, fromGraph, type GraphResult } from './env';

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
  const iterations: ActionRecord[][] = [];
  env.record.iterations = iterations;
  const running = new Set<Fiber<GraphResult>>();
  let failedAny = false;
  let next = 0;
  while (next < items.length || running.size > 0) {
    while (next < items.length && running.size < limit && env.state.terminated === undefined) {
      const frame = new Frame(env.frame, {
        name: env.record.name,
        kind: 'foreach',
        index: next,
        item: items[next],
      });
      iterations.push(frame.ordered);
      running.add(env.state.scheduler.spawn(env.runActions(env.def.actions, frame)));
      next++;
    }
    if (running.size === 0) break;
    yield { kind: 'fibers', fibers: [...running] };
    for (const fiber of running) {
      if (!fiber.done) continue;
      running.delete(fiber);
      if (fiber.value().status === 'Failed') failedAny = true;
    }
  }
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
