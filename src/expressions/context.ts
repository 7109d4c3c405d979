import type { JsonValue } from './values';

/** The run status words WDL uses for actions and triggers. */
export type ActionStatus =
  'Succeeded' | 'Failed' | 'Skipped' | 'TimedOut' | 'Cancelled' | 'Running' | 'Waiting';

/** What `actions('X')`, `body('X')`, `outputs('X')` and `result('scope')` read about an action. */
export interface ActionSnapshot {
  readonly name: string;
  readonly type: string;
  readonly status: ActionStatus;
  readonly inputs?: JsonValue;
  readonly outputs?: JsonValue;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly code?: string;
  readonly error?: JsonValue;
  readonly trackingId?: string;
  readonly clientTrackingId?: string;
  readonly trackedProperties?: JsonValue;
}

/**
 * Everything an expression may read from the world. The engine supplies replay-safe
 * implementations; tests and the CLI supply plain ones. Evaluation never reaches anything else:
 * no clock, no randomness, no environment, no I/O.
 */
export interface EvaluationContext {
  /** Current time in epoch milliseconds (replay-safe in the orchestrator). */
  now(): number;
  /** A new GUID string (lower-case, `D` format). Replay-safe in the orchestrator. */
  newGuid(): string;
  /** A number in [0, 1). Replay-safe in the orchestrator. */
  random(): number;
  /** `parameters('p')`; undefined when not declared. */
  parameter(name: string): JsonValue | undefined;
  /** `variables('v')`; undefined when not initialized. */
  variable(name: string): JsonValue | undefined;
  /** `actions('X')` and friends; undefined when the action has not run in this scope. */
  action(name: string): ActionSnapshot | undefined;
  /** `trigger()`; undefined outside a run. */
  trigger(): ActionSnapshot | undefined;
  /** `items('loop')` (or `item()` with no name: the innermost loop); undefined outside that loop. */
  item(loopName?: string): JsonValue | undefined;
  /** `iterationIndexes('loop')`: the zero-based index of the current iteration of an enclosing Until loop. */
  iterationIndex(loopName: string): number | undefined;
  /** `result('scope')`: the top-level actions inside a scope, loop or condition, in run order. */
  result(scopeName: string): readonly ActionSnapshot[] | undefined;
  /** `workflow()`: `{id, name, type, location, run: {id, name, type}}` as Logic Apps shows it. */
  workflow(): JsonValue;
  /** `appsetting('name')`; undefined when not set. */
  appSetting(name: string): string | undefined;
  /** `listCallbackUrl()` for the current webhook action or Request trigger; undefined when there is none. */
  callbackUrl?(): string | undefined;
  /** `action()`: the action whose expression is being evaluated (trackedProperties, Until, retries). */
  currentAction?(): ActionSnapshot | undefined;
}
