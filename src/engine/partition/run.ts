/**
 * The partition's side: runs one slice of a loop (a Foreach's items, or an Until's iterations from
 * a given one on) as a run of its own. The loop body sees what it would see inline: the records of
 * earlier actions it names, the items and indexes of the loops around it, the variables it names,
 * and its iterations keep their index in the whole loop, so call paths (`Loop[612]`) and
 * `iterationIndexes()` are the same. The partition's tree is one
 * record, the loop's, holding the slice's iterations; the run view splices them into the parent's.
 */
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { runIterations } from '../actions/iterations';
import { runUntilSegment } from '../actions/until-segment';
import { cancelRunning } from '../cancel-running';
import { Frame } from '../frame';
import { runActions } from '../graph';
import type { PortTask } from '../port';
import type { Proc } from '../scheduler';
import type { RunState } from '../run-state';
import type { ActionRecord, RunResult } from '../run-types';
import { changedVariables, compactRecord } from './result';
import type { PartitionResult, PartitionSpec } from './types';

export function* runPartition(state: RunState, spec: PartitionSpec): Generator<PortTask, RunResult, unknown> {
  const actions = isJsonObject(state.input.definition.actions) ? state.input.definition.actions : {};
  const def = actions[spec.loop];
  let frame = new Frame(undefined);
  for (const record of spec.scope) frame.add(record as unknown as ActionRecord);
  for (const position of spec.enclosing) frame = new Frame(frame, position);
  for (const v of spec.variables) state.variables.set(v.name.toLowerCase(), { ...v });
  // A placeholder, so that a Response in the body fails as "already sent", as it would inline.
  if (spec.responded === true) state.response = { statusCode: 0, headers: {}, body: null };
  const respondedBefore = state.response;
  const type = spec.kind === 'until' ? 'Until' : 'Foreach';
  const record: ActionRecord = { name: spec.loop, type, status: 'Running', iterations: [] };
  record.startTime = state.isoNow();
  state.root.add(record);
  const iterations = record.iterations ?? [];
  const plan = { state, frame, record, def: isJsonObject(def) ? def : {}, spec, iterations };
  const ended = yield* state.scheduler.run(spec.kind === 'until' ? untilSlice(plan) : foreachSlice(plan));
  const failed = ended?.failed === true;
  if (state.terminated !== undefined) cancelRunning([record]);
  else record.status = failed ? 'Failed' : 'Succeeded';
  record.endTime = state.isoNow();
  const result: PartitionResult = {
    failed,
    iterations: iterations.map((list) => list.map((r) => compactRecord(r, spec.fullRecords))),
    variables: changedVariables(spec.variables, state.variables, state.assigned),
    ...(state.response !== undefined && state.response !== respondedBefore
      ? { response: { ...state.response, headers: { ...state.response.headers } } }
      : {}),
    ...(state.terminated === undefined
      ? {}
      : { terminated: JSON.parse(JSON.stringify(state.terminated)) as JsonObject }),
    ...(ended?.stoppedBy === undefined ? {} : { stoppedBy: ended.stoppedBy }),
    ...(ended?.ran === undefined ? {} : { ran: ended.ran }),
  };
  return {
    status: result.failed ? 'Failed' : 'Succeeded',
    outputs: { partition: result as unknown as JsonObject },
  };
}

interface SlicePlan {
  readonly state: RunState;
  readonly frame: Frame;
  readonly record: ActionRecord;
  readonly def: JsonObject;
  readonly spec: PartitionSpec;
  readonly iterations: ActionRecord[][];
}

type Ended = Pick<PartitionResult, 'failed' | 'stoppedBy' | 'ran'>;

function* foreachSlice({ state, frame, def, spec, iterations }: SlicePlan): Proc<Ended> {
  const failed = yield* runIterations({
    state,
    frame,
    loop: spec.loop,
    body: def.actions ?? {},
    items: spec.items,
    first: spec.first,
    limit: spec.concurrency,
    into: iterations,
    runActions: (inner, f) => runActions(state, inner, f),
  });
  return { failed };
}

function* untilSlice({ state, frame, record, def, spec, iterations }: SlicePlan): Proc<Ended> {
  const limits = spec.until ?? { size: 0, count: 0, deadline: 0 };
  const segment = yield* runUntilSegment({
    state,
    frame,
    record,
    body: def.actions ?? {},
    expression: def.expression,
    first: spec.first,
    size: limits.size,
    count: limits.count,
    deadline: limits.deadline,
    into: iterations,
    runActions: (inner, f) => runActions(state, inner, f),
  });
  return {
    failed: segment.stop === 'failed',
    ran: segment.iterations,
    ...(segment.stop === undefined ? {} : { stoppedBy: segment.stop }),
  };
}
