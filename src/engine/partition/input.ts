/**
 * Builds a partition's run input. It carries the loop's pinned definition (never the workflow file)
 * and only what the loop body can name: records of earlier actions, variables, the trigger and
 * called workflows are included when the body's text mentions them (by their quoted name), so an
 * input stays small even when the run holds large outputs. A name built at run time
 * (`body(variables('which'))`) is not seen; docs/runtime.md lists that limit.
 */
import type { JsonObject } from '../../expressions/values';
import type { ActionEnv } from '../actions/env';
import type { Frame, LoopPosition } from '../frame';
import type { ActionRecord, RunInput } from '../run-types';
import type { PartitionSpec } from './types';

/** What differs from one partition to the next: its kind, items or iterations, and limits. */
export type Slice = Pick<PartitionSpec, 'kind' | 'items' | 'first' | 'concurrency' | 'fullRecords' | 'until'>;

export function partitionInput(env: ActionEnv, slice: Slice): RunInput {
  const { input, port } = env.state;
  // What the partition evaluates: an Until's condition and limits too, but neither the loop's own
  // runAfter nor a Foreach's items expression (evaluated here, and its source is often the largest
  // record of the run).
  const { foreach: _items, runAfter: _after, ...evaluated } = env.def;
  const body = JSON.stringify(evaluated).toLowerCase();
  const spec: PartitionSpec = {
    rootRunId: input.partition?.rootRunId ?? port.runId,
    loop: env.record.name,
    enclosing: enclosingLoops(env.frame),
    scope: visibleRecords(env.frame, env.record, body),
    ...slice,
    variables: [...env.state.variables.values()]
      .filter((v) => mentions(body, v.name))
      .map((v) => ({ name: v.name, type: v.type, value: v.value })),
    ...(env.state.response === undefined ? {} : { responded: true }),
  };
  const trigger = body.includes('trigger')
    ? input.trigger
    : {
        name: input.trigger.name,
        type: input.trigger.type,
        startTime: input.trigger.startTime,
        outputs: null,
      };
  return {
    workflow: input.workflow,
    definition: { actions: { [env.record.name]: env.def } },
    ...(input.workflows && body.includes('"workflow"') ? { workflows: input.workflows } : {}),
    ...(input.parameters ? { parameters: input.parameters } : {}),
    trigger,
    ...(input.callbackBase ? { callbackBase: input.callbackBase } : {}),
    // The caller's trace: the partition's calls join it as the run's own calls do.
    ...(input.traceparent === undefined ? {} : { traceparent: input.traceparent }),
    ...(input.foreachPartition === undefined ? {} : { foreachPartition: input.foreachPartition }),
    ...(input.untilPartition === undefined ? {} : { untilPartition: input.untilPartition }),
    parentRunId: port.runId,
    partition: spec,
  };
}

/** True when `text` (lower case) names `name` as a quoted string, as expressions and variable actions do. */
export function mentions(text: string, name: string): boolean {
  const lower = name.toLowerCase();
  return text.includes(`'${lower}'`) || text.includes(`"${lower}"`);
}

function enclosingLoops(frame: Frame | undefined): LoopPosition[] {
  const loops: LoopPosition[] = [];
  for (let f = frame; f !== undefined; f = f.parent) if (f.loop !== undefined) loops.unshift(f.loop);
  return loops;
}

/** Records the body can see and names; the nearest record of a name wins, as `Frame.find` does. */
function visibleRecords(frame: Frame, loop: ActionRecord, body: string): JsonObject[] {
  const seen = new Set<string>();
  const out: JsonObject[] = [];
  const deep = body.includes('result(');
  for (let f: Frame | undefined = frame; f !== undefined; f = f.parent) {
    for (const record of f.ordered) {
      const key = record.name.toLowerCase();
      if (record === loop || seen.has(key) || !mentions(body, record.name)) continue;
      seen.add(key);
      out.push(plainRecord(record, deep));
    }
  }
  return out;
}

/** A record as JSON; nested records only when `result()` may read them. */
export function plainRecord(record: ActionRecord, deep: boolean): JsonObject {
  const { children, iterations, retryHistory: _retries, partitions: _partitions, ...rest } = record;
  const out = JSON.parse(JSON.stringify(rest)) as JsonObject;
  if (deep && children) out.children = children.map((c) => plainRecord(c, true));
  if (deep && iterations) out.iterations = iterations.map((list) => list.map((c) => plainRecord(c, true)));
  return out;
}
