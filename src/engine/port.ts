/**
 * The port: everything the interpreter may ask of the world. The engine never imports a runtime; an
 * adapter implements this interface over Durable Functions (`src/functions/durable/`), and a test or
 * history-replay adapter can implement it too. Every method must be deterministic under replay.
 */
import type { JsonValue } from '../expressions/values';

/** An opaque handle to something the runtime is doing (activity, timer, event, sub-workflow). */
export interface PortTask {
  readonly __portTask: true;
}

export type TaskOutcome =
  | { readonly state: 'pending' }
  | { readonly state: 'completed'; readonly value: JsonValue }
  | { readonly state: 'failed'; readonly message: string };

export interface ActivityCallInfo {
  readonly action: string;
  readonly type: string;
  /** Loop position, e.g. `Each[3]`; empty at the top level. */
  readonly path: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

export interface WorkflowPort {
  /** This run's id (the orchestration instance id). */
  readonly runId: string;
  /** Current time in epoch ms, replay-safe. */
  now(): number;
  /** A new GUID, replay-safe. */
  newGuid(): string;
  /**
   * Starts an activity (a connector). Activities report failures as values; a throw is a failure
   * outcome. `call` says which action asks (a test harness mocks by it); runtimes may ignore it.
   */
  callActivity(name: string, input: JsonValue, call?: ActivityCallInfo): PortTask;
  /** A durable timer that completes at `fireAt` (epoch ms). */
  createTimer(fireAt: number): PortTask;
  /** Cancels a timer that is no longer needed so it cannot keep the run alive. */
  cancelTimer(task: PortTask): void;
  /** Completes with the payload of the next external event of this name. */
  waitForEvent(name: string): PortTask;
  /** Runs another workflow as a child run. */
  callSubWorkflow(input: JsonValue, childRunId: string): PortTask;
  /**
   * The one task the run waits on this turn: completes when any of `tasks` does. Called at every
   * turn, even with one task. Implementations must never schedule a task twice when it reappears
   * in a later call (durable-js issue #574).
   */
  whenAny(tasks: readonly PortTask[]): PortTask;
  outcome(task: PortTask): TaskOutcome;
  /** Publishes a small status record (the HTTP Response a caller is waiting for). */
  setStatus(status: JsonValue): void;
  /** `appsetting('name')`: read at evaluation time; never copied into history by the engine. */
  appSetting(name: string): string | undefined;
  /** True while the runtime replays history; used to keep logs from repeating. */
  readonly isReplaying: boolean;
}
