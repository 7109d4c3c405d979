/**
 * Until: runs its actions, then checks the condition (a do-while, as Logic Apps does), in the
 * iteration's scope so it can read actions of the last iteration. Stops when the condition holds,
 * after `limit.count` iterations (default 60) or when `limit.timeout` (default PT1H) has passed; a
 * loop that hits a limit ends Succeeded, as in Logic Apps, with the reason in its outputs.
 */
import { isJsonObject } from '../../expressions/values';
import { evaluateCondition } from '../condition';
import { createContext } from '../context';
import { Frame } from '../frame';
import { parseIsoDuration } from '../policy/duration';
import type { ActionRecord } from '../run-types';
import { text } from '../text';
import { type Executor, failed, fromGraph } from './env';

export const DEFAULT_UNTIL_COUNT = 60;
export const DEFAULT_UNTIL_TIMEOUT = 'PT1H';

export const until: Executor = function* (env) {
  const limit = isJsonObject(env.def.limit) ? env.def.limit : {};
  const count = Number(limit.count === undefined ? DEFAULT_UNTIL_COUNT : env.evaluate(limit.count));
  if (!Number.isInteger(count) || count < 1) {
    return failed(
      'InvalidTemplate',
      `The 'limit.count' of the until action must be a positive integer; got ${String(count)}.`,
    );
  }
  // text(): an expression may evaluate to a non-string, which must fail the action, not the run.
  const timeout =
    typeof limit.timeout === 'string' ? text(env.evaluate(limit.timeout)) : DEFAULT_UNTIL_TIMEOUT;
  const deadline = env.state.port.now() + parseIsoDuration(timeout);
  const iterations: ActionRecord[][] = [];
  env.record.iterations = iterations;
  for (let index = 0; ; index++) {
    const frame = new Frame(env.frame, { name: env.record.name, kind: 'until', index });
    iterations.push(frame.ordered);
    const graph = yield* env.runActions(env.def.actions, frame);
    if (graph.status === 'Failed') return fromGraph(graph);
    const ctx = createContext(env.state, frame, { current: env.record });
    if (evaluateCondition(env.def.expression, ctx)) {
      return { status: 'Succeeded', outputs: { iterations: index + 1, stoppedBy: 'condition' } };
    }
    if (index + 1 >= count)
      return { status: 'Succeeded', outputs: { iterations: index + 1, stoppedBy: 'count' } };
    if (env.state.port.now() >= deadline) {
      return { status: 'Succeeded', outputs: { iterations: index + 1, stoppedBy: 'timeout' } };
    }
  }
};
