/**
 * A large loop runs its iterations in child runs, "partitions", so no single durable history holds
 * more than a bounded number of them (every episode of an orchestration replays its whole history,
 * so one history of N iterations costs O(N²) replay work). These are the shapes that cross the
 * parent/partition boundary: they travel through durable history, so they are plain JSON.
 */
import type { JsonObject, JsonValue } from '../../expressions/values';
import type { LoopPosition } from '../frame';
import type { VariableType } from '../run-state';
import type { ActionStatus } from '../../expressions/context';

/** What a partition runs: a slice of one loop's items, with what the loop body can see. */
export interface PartitionSpec {
  readonly kind: 'foreach' | 'until';
  /** The run the loop belongs to (the top-level run id): `workflow()` shows it, not the partition's id. */
  readonly rootRunId: string;
  /** The loop action's name; its definition is `definition.actions[loop]` of the partition's input. */
  readonly loop: string;
  /** Positions of the loops around this one, outermost first (for `items('Outer')` and call paths). */
  readonly enclosing: readonly LoopPosition[];
  /** Records of actions outside the loop that the body names (`body('X')`, `result('S')`, …). */
  readonly scope: readonly JsonObject[];
  /** The slice of items and the index of its first item in the whole loop. */
  readonly items: readonly JsonValue[];
  readonly first: number;
  /** Iterations the partition runs at a time (the loop's own concurrency). */
  readonly concurrency: number;
  /** Variables the body names, as they are when the partition starts. */
  readonly variables: readonly PartitionVariable[];
  /** Keep inputs and outputs in the returned records: something reads `result('<loop>')`. */
  readonly fullRecords: boolean;
  /** The run already answered its caller, so a Response in the body must fail as it would inline. */
  readonly responded?: boolean;
  /** An Until partition runs at most `size` iterations from `first`, within the loop's own limits. */
  readonly until?: UntilLimits;
}

export interface UntilLimits {
  readonly size: number;
  /** `limit.count` of the whole loop. */
  readonly count: number;
  /** Epoch ms at which the loop's `limit.timeout` ends. */
  readonly deadline: number;
}

export interface PartitionVariable {
  readonly name: string;
  readonly type: VariableType;
  readonly value: JsonValue;
}

/**
 * A variable the partition changed. `assigned` when a SetVariable wrote it; otherwise it was only
 * incremented, decremented or appended to, and the parent applies the difference to its current
 * value, so that writers outside the partition (another iteration of an enclosing parallel loop, a
 * parallel branch) keep their changes, as they do inline.
 */
export interface ChangedVariable extends PartitionVariable {
  readonly assigned: boolean;
}

/** A compact record of one action of one iteration, as the parent keeps it. */
export interface CompactRecord {
  readonly name: string;
  readonly type: string;
  readonly status: ActionStatus;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly code?: string;
  readonly error?: JsonValue;
  readonly inputs?: JsonValue;
  readonly outputs?: JsonValue;
  readonly trackedProperties?: JsonValue;
  readonly secureInputs?: boolean;
  readonly secureOutputs?: boolean;
}

/** What a partition returns (the `outputs.partition` of its run result). */
export interface PartitionResult {
  /** True when an iteration had an unhandled failure. */
  readonly failed: boolean;
  readonly iterations: readonly (readonly CompactRecord[])[];
  /** Variables whose value the partition changed, with their value at its end. */
  readonly variables: readonly ChangedVariable[];
  /** A Response action inside the body answered the caller. */
  readonly response?: JsonObject;
  /** A Terminate action inside the body ended the run. */
  readonly terminated?: JsonObject;
  /** Until: why the loop stopped (absent: it goes on in the next partition), and its iterations so far. */
  readonly stoppedBy?: 'failed' | 'condition' | 'count' | 'timeout';
  readonly ran?: number;
}

/** On the loop's record: which child run ran which items (the run view fetches their histories). */
export interface PartitionRef {
  readonly runId: string;
  readonly first: number;
  readonly count: number;
}
