/**
 * Runs Foreach iterations as fibers, at most `limit` at a time, starting them in item order. Shared
 * by a loop that runs all its items itself and by a partition that runs a slice of them.
 */
import type { JsonValue } from '../../expressions/values';
import { Frame } from '../frame';
import type { RunState } from '../run-state';
import type { ActionRecord } from '../run-types';
import type { Fiber, Proc } from '../scheduler';
import type { GraphResult } from './env';

export interface IterationPlan {
  readonly state: RunState;
  /** The frame the loop runs in; each iteration gets a child frame. */
  readonly frame: Frame;
  readonly loop: string;
  readonly body: unknown;
  readonly items: readonly JsonValue[];
  /** Index of `items[0]` in the whole loop (a partition runs a slice). */
  readonly first: number;
  readonly limit: number;
  /** Receives each iteration's records as it starts. */
  readonly into: ActionRecord[][];
  readonly runActions: (actions: unknown, frame: Frame) => Proc<GraphResult>;
}

/** Returns true when any iteration failed without a handler. */
export function* runIterations(plan: IterationPlan): Proc<boolean> {
  const { state, items, limit } = plan;
  const running = new Set<Fiber<GraphResult>>();
  let failedAny = false;
  let next = 0;
  while (next < items.length || running.size > 0) {
    while (next < items.length && running.size < limit && state.terminated === undefined) {
      const frame = new Frame(plan.frame, {
        name: plan.loop,
        kind: 'foreach',
        index: plan.first + next,
        item: items[next],
      });
      plan.into.push(frame.ordered);
      running.add(state.scheduler.spawn(plan.runActions(plan.body, frame)));
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
  return failedAny;
}
