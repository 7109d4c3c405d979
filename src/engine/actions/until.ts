/**
 * Until: runs its actions, then checks the condition (a do-while, as Logic Apps does), in the
 * iteration's scope so it can read actions of the last iteration. Stops when the condition holds,
 * after `limit.count` iterations (default 60) or when `limit.timeout` (default PT1H) has passed; a
 * loop that hits a limit ends Succeeded, as in Logic Apps, with the reason in its outputs. A loop
 * that runs longer than the partition size goes on in child runs (../partition/until-parent.ts).
 */
import { isJsonObject } from '../../expressions/values';
import { continueUntil } from '../partition/until-parent';
import { untilPartitionSize } from '../partition/size';
import { parseIsoDuration } from '../policy/duration';
import type { ActionRecord } from '../run-types';
import { text } from '../text';
import { type Executor, failed } from './env';
import { runUntilSegment, untilOutcome } from './until-segment';

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
  const size = untilPartitionSize(env.state);
  const segment = yield* runUntilSegment({
    state: env.state,
    frame: env.frame,
    record: env.record,
    body: env.def.actions,
    expression: env.def.expression,
    first: 0,
    size,
    count,
    deadline,
    into: iterations,
    runActions: (actions, frame) => env.runActions(actions, frame),
  });
  // Past `size` iterations the loop goes on in partitions (child runs), `size` iterations each.
  if (segment.stop === undefined) return yield* continueUntil(env, { size, count, deadline });
  return untilOutcome(segment.stop, segment.iterations);
};
