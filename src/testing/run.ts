/** What a harness run exposes to assertions, and its tree as text for failure messages and `flowline run`. */
import type { RunState } from '../engine/run-state';
import type { ActionRecord, RunResult } from '../engine/run-types';
import type { JsonValue } from '../expressions/values';
import type { CallRecord, HarnessPort } from './port';
import { formatTree } from './tree';

export class TestRun {
  readonly status: RunResult['status'];
  readonly error: RunResult['error'];
  readonly response: RunResult['response'];
  readonly outputs: RunResult['outputs'];
  /** Top-level actions, in start order. */
  readonly actions: readonly ActionRecord[];
  /** Every connector call the run made, with the action, loop position, attempt and virtual time. */
  readonly calls: readonly CallRecord[];
  /** Virtual time the run ended (epoch ms). */
  readonly endTime: number;

  constructor(
    readonly runId: string,
    readonly result: RunResult,
    private readonly state: RunState,
    port: HarnessPort,
    /** Virtual time the run started (epoch ms). */
    readonly startTime: number,
    /** Runs started by Workflow actions. */
    readonly children: readonly TestRun[],
  ) {
    this.status = result.status;
    this.error = result.error;
    this.response = result.response;
    this.outputs = result.outputs;
    this.actions = state.root.ordered;
    this.calls = port.calls;
    this.endTime = port.clock;
  }

  /** Virtual milliseconds the run took (retries and waits included). */
  get elapsedMs(): number {
    return this.endTime - this.startTime;
  }

  /** Variables at the end of the run, by name. */
  get variables(): Readonly<Record<string, JsonValue>> {
    return Object.fromEntries([...this.state.variables.values()].map((v) => [v.name, v.value]));
  }

  /**
   * The action named `name` anywhere in the tree; inside a loop, the record of iteration `iteration`
   * (default: the last one). Throws, listing the actions that exist, when there is none.
   */
  action(name: string, iteration?: number): ActionRecord {
    const found = find(this.actions, name, iteration);
    if (found !== undefined) return found;
    const names = new Set<string>();
    collect(this.actions, names);
    throw new Error(`The run has no action '${name}'. Its actions: ${[...names].join(', ')}.`);
  }

  /** How many times `name` was retried (its retry history length, summed over iterations). */
  retries(name: string): number {
    return this.calls.filter((c) => c.action === name && c.attempt > 1).length;
  }

  /** The run as an indented tree with status icons. */
  tree(options: { readonly outputs?: boolean } = {}): string {
    return formatTree(this, options);
  }
}

function find(
  records: readonly ActionRecord[],
  name: string,
  iteration: number | undefined,
): ActionRecord | undefined {
  for (const record of records) {
    if (record.name === name) return record;
    const fromChildren = find(record.children ?? [], name, iteration);
    if (fromChildren) return fromChildren;
    const iterations = record.iterations ?? [];
    const picked = iteration === undefined ? [...iterations].reverse() : [iterations[iteration] ?? []];
    for (const list of picked) {
      const hit = find(list, name, iteration);
      if (hit) return hit;
    }
  }
  return undefined;
}

function collect(records: readonly ActionRecord[], into: Set<string>): void {
  for (const record of records) {
    into.add(record.name);
    collect(record.children ?? [], into);
    for (const list of record.iterations ?? []) collect(list, into);
  }
}
