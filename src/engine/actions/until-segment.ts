/**
 * Runs Until iterations from `first` on, for at most `size` of them: the body, then the condition
 * (a do-while, in the iteration's scope), then the count and time limits. Shared by an Until that
 * runs inline and by a partition that continues a long one.
 */
import { evaluateCondition } from '../condition';
import { createContext } from '../context';
import { Frame } from '../frame';
import type { RunState } from '../run-state';
import type { ActionRecord } from '../run-types';
import type { Proc } from '../scheduler';
import { fromGraph, type GraphResult, type Outcome } from './env';

export type UntilStop = 'failed' | 'condition' | 'count' | 'timeout';

export interface UntilPlan {
  readonly state: RunState;
  readonly frame: Frame;
  /** The loop's record (the condition may read it through `action()`). */
  readonly record: ActionRecord;
  readonly body: unknown;
  readonly expression: unknown;
  /** Index of the first iteration this segment runs. */
  readonly first: number;
  readonly size: number;
  /** `limit.count` and the epoch ms `limit.timeout` ends at. */
  readonly count: number;
  readonly deadline: number;
  readonly into: ActionRecord[][];
  readonly runActions: (actions: unknown, frame: Frame) => Proc<GraphResult>;
}

export interface UntilSegment {
  /** Why the loop stopped; undefined when the segment ran `size` iterations and the loop goes on. */
  readonly stop: UntilStop | undefined;
  /** Iterations run so far in the whole loop. */
  readonly iterations: number;
}

export function* runUntilSegment(plan: UntilPlan): Proc<UntilSegment> {
  const { state } = plan;
  for (let index = plan.first; index < plan.first + plan.size; index++) {
    const frame = new Frame(plan.frame, { name: plan.record.name, kind: 'until', index });
    plan.into.push(frame.ordered);
    const graph = yield* plan.runActions(plan.body, frame);
    const iterations = index + 1;
    if (graph.status === 'Failed') return { stop: 'failed', iterations };
    const ctx = createContext(state, frame, { current: plan.record });
    if (evaluateCondition(plan.expression, ctx)) return { stop: 'condition', iterations };
    if (iterations >= plan.count) return { stop: 'count', iterations };
    if (state.port.now() >= plan.deadline) return { stop: 'timeout', iterations };
  }
  return { stop: undefined, iterations: plan.first + plan.size };
}

/** The loop's outcome once it stopped: Failed on an unhandled failure, else Succeeded with the reason. */
export function untilOutcome(stop: UntilStop, iterations: number): Outcome {
  if (stop === 'failed') return fromGraph({ status: 'Failed', records: [] });
  return { status: 'Succeeded', outputs: { iterations, stoppedBy: stop } };
}
