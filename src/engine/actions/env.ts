/**
 * What an action executor receives and returns. Executors are generators (fibers): they evaluate
 * their inputs, may wait on port tasks, and return an outcome; the graph runner records it.
 */
import type { ActionStatus, EvaluationContext } from '../../expressions/context';
import type { JsonObject, JsonValue } from '../../expressions/values';
import type { Frame } from '../frame';
import type { ActionRecord } from '../run-types';
import type { RunState } from '../run-state';
import type { Proc } from '../scheduler';
import type { PortTask } from '../port';

export interface GraphResult {
  readonly status: 'Succeeded' | 'Failed';
  readonly records: readonly ActionRecord[];
}

export interface ActionEnv {
  readonly state: RunState;
  readonly frame: Frame;
  readonly record: ActionRecord;
  /** The action's definition as written (expressions unevaluated). */
  readonly def: JsonObject;
  readonly ctx: EvaluationContext;
  evaluate(value: unknown, ctx?: EvaluationContext): JsonValue;
  /** Runs a nested action map in `frame` (a new frame for a scope or an iteration). */
  runActions(actions: unknown, frame: Frame): Proc<GraphResult>;
  /**
   * Waits for any of `tasks`, or for the action's `limit.timeout`; returns false when the time
   * limit won. Executors use it for every wait so that limits apply to all of them.
   */
  waitOrTimeout(tasks: readonly PortTask[]): Proc<boolean>;
}

export interface Outcome {
  readonly status: ActionStatus;
  readonly inputs?: JsonValue;
  readonly outputs?: JsonValue;
  readonly code?: string;
  readonly error?: JsonValue;
}

export type Executor = (env: ActionEnv) => Proc<Outcome>;

export function failed(code: string, message: string, extra: Partial<Outcome> = {}): Outcome {
  return { status: 'Failed', code, error: { code, message }, ...extra };
}

/** The status and error of a container whose nested actions failed without a handler. */
export function fromGraph(result: GraphResult, extra: Partial<Outcome> = {}): Outcome {
  if (result.status === 'Succeeded') return { status: 'Succeeded', ...extra };
  return failed('ActionFailed', 'An action failed. No dependent actions succeeded.', extra);
}

/**
 * An executor that finishes without waiting. Written as a generator so every executor has the same
 * shape; it never yields.
 */
export function sync(run: (env: ActionEnv) => Outcome): Executor {
  // eslint-disable-next-line require-yield -- a fiber that completes in its first step
  return function* (env) {
    return run(env);
  };
}
