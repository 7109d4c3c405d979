/**
 * The mutable state of one run inside the orchestrator: variables, the root frame, the Response
 * already sent and whether Terminate ended the run. Rebuilt from scratch on every replay.
 */
import type { WorkflowPort } from './port';
import { Frame } from './frame';
import type { RunError, RunInput, RunResponse, RunStatus } from './run-types';
import type { Scheduler } from './scheduler';
import type { JsonValue } from '../expressions/values';

export type VariableType = 'Array' | 'Boolean' | 'Float' | 'Integer' | 'Object' | 'String';

export interface Variable {
  readonly name: string;
  readonly type: VariableType;
  value: JsonValue;
}

export class RunState {
  readonly root = new Frame(undefined);
  /** Keyed by lower-case name: Logic Apps variable names are case-insensitive. */
  readonly variables = new Map<string, Variable>();
  /** Variables a SetVariable wrote (lower-case names); a partition reports them as set, not as added to. */
  readonly assigned = new Set<string>();
  /** Partitions (child runs of large loops) started and not yet returned; a Terminate leaves some. */
  readonly openPartitions = new Set<string>();
  response: RunResponse | undefined;
  terminated: { readonly status: RunStatus; readonly error?: RunError } | undefined;
  private seed: number;

  constructor(
    readonly port: WorkflowPort,
    readonly scheduler: Scheduler,
    readonly input: RunInput,
  ) {
    this.seed = hash(port.runId);
  }

  /** A replay-safe pseudo-random number in [0, 1), seeded by the run id (mulberry32). */
  random(): number {
    this.seed = (this.seed + 0x6d2b79f5) >>> 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  isoNow(): string {
    return new Date(this.port.now()).toISOString();
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
