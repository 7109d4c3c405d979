/**
 * What goes into a run and what comes out. The run input is the orchestration input: it carries the
 * definition the run started with (and those of the workflows it calls), so editing a workflow file
 * never changes the replay of a run in flight.
 */
import type { ActionStatus } from '../expressions/context';
import type { JsonObject, JsonValue } from '../expressions/values';
import type { PartitionRef, PartitionSpec } from './partition/types';

export interface RunInput {
  readonly workflow: string;
  /** The WDL definition, pinned for the whole run. */
  readonly definition: JsonObject;
  /** Workflows this one calls through Workflow actions, by name (pinned too). */
  readonly workflows?: Readonly<Record<string, PinnedWorkflow>>;
  /** Parameter values resolved at start (declared default values merged with the file's values). */
  readonly parameters?: JsonObject;
  readonly trigger: TriggerRecord;
  /** Base URL for callback URLs of webhook actions, e.g. `http://localhost:7071/api`. */
  readonly callbackBase?: string;
  /** The run this one resubmits. */
  readonly originRunId?: string;
  /** Set for a child run started by a Workflow action. */
  readonly parentRunId?: string;
  /** The W3C `traceparent` of the trigger call, when it had one: the run's spans join that trace. */
  readonly traceparent?: string;
  /** Report the run's spans when it ends (telemetry was on when it started). */
  readonly telemetry?: boolean;
  /**
   * Items per partition of a large Foreach, pinned when the run starts (app setting
   * `FLOWLINE_FOREACH_PARTITION`) so a changed setting never changes the replay of a run in flight.
   */
  readonly foreachPartition?: number;
  /** Until iterations per history, pinned likewise (app setting `FLOWLINE_UNTIL_PARTITION`). */
  readonly untilPartition?: number;
  /** Set when this run is one partition of a large loop of another run (see engine/partition/). */
  readonly partition?: PartitionSpec;
}

export interface PinnedWorkflow {
  readonly definition: JsonObject;
  readonly parameters?: JsonObject;
}

export interface TriggerRecord {
  readonly name: string;
  readonly type: string;
  readonly startTime: string;
  readonly inputs?: JsonValue;
  readonly outputs: JsonValue;
}

export type RunStatus = 'Succeeded' | 'Failed' | 'Cancelled';

export interface RunError {
  readonly code: string;
  readonly message: string;
}

/** The HTTP answer a Response action produced. */
export interface RunResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonValue;
}

/** The orchestration's output. The action-by-action view is derived by replay, not stored here. */
export interface RunResult {
  readonly status: RunStatus;
  readonly error?: RunError;
  readonly response?: RunResponse;
  readonly outputs?: JsonObject;
}

export interface RetryAttempt {
  readonly startTime: string;
  readonly endTime: string;
  readonly code: string;
  readonly error?: JsonValue;
}

/** One action as the run saw it; loops keep one child list per iteration. */
export interface ActionRecord {
  readonly name: string;
  readonly type: string;
  status: ActionStatus;
  startTime?: string;
  endTime?: string;
  inputs?: JsonValue;
  outputs?: JsonValue;
  code?: string;
  error?: JsonValue;
  trackedProperties?: JsonValue;
  retryHistory?: RetryAttempt[];
  /** Actions of a Scope/If/Switch, in start order. */
  children?: ActionRecord[];
  /** Per iteration of a Foreach/Until: the actions it ran. */
  iterations?: ActionRecord[][];
  /** A partitioned loop: the child runs that ran its iterations, in item order. */
  partitions?: PartitionRef[];
  /** True when inputs/outputs are secure (runtimeConfiguration.secureData). */
  secureInputs?: boolean;
  secureOutputs?: boolean;
}
