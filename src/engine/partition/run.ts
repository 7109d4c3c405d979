/**
 * The partition's side: runs one slice of a loop's items as a run of its own. The loop body sees
 * what it would see inline: the records of earlier actions it names, the items and indexes of the
 * loops around it, the variables it names, and its iterations keep their index in the whole loop,
 * so call paths (`Loop[612]`) and `iterationIndexes()` are the same. The partition's tree is one
 * record, the loop's, holding the slice's iterations; the run view splices them into the parent's.
 */
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { runIterations } from '../actions/iterations';
import { cancelRunning } from '../cancel-running';
import { Frame } from '../frame';
import { runActions } from '../graph';
import type { PortTask } from '../port';
import type { RunState } from '../run-state';
import type { ActionRecord, RunResult } from '../run-types';
import { changedVariables, compactRecord } from './result';
import type { PartitionResult, PartitionSpec } from './types';

export function* runPartition(state: RunState, spec: PartitionSpec): Generator<PortTask, RunResult, unknown> {
  const actions = isJsonObject(state.input.definition.actions) ? state.input.definition.actions : {};
  const def = actions[spec.loop];
  const body = isJsonObject(def) ? (def.actions ?? {}) : {};
  let frame = new Frame(undefined);
  for (const record of spec.scope) frame.add(record as unknown as ActionRecord);
  for (const position of spec.enclosing) frame = new Frame(frame, position);
  for (const v of spec.variables) state.variables.set(v.name.toLowerCase(), { ...v });
  // A placeholder, so that a Response in the body fails as "already sent", as it would inline.
  if (spec.responded === true) state.response = { statusCode: 0, headers: {}, body: null };
  const respondedBefore = state.response;
  const record: ActionRecord = { name: spec.loop, type: 'Foreach', status: 'Running', iterations: [] };
  record.startTime = state.isoNow();
  state.root.add(record);
  const iterations = record.iterations ?? [];
  const failed = yield* state.scheduler.run(
    runIterations({
      state,
      frame,
      loop: spec.loop,
      body,
      items: spec.items,
      first: spec.first,
      limit: spec.concurrency,
      into: iterations,
      runActions: (inner, f) => runActions(state, inner, f),
    }),
  );
  if (state.terminated !== undefined) cancelRunning([record]);
  else record.status = failed === true ? 'Failed' : 'Succeeded';
  record.endTime = state.isoNow();
  const result: PartitionResult = {
    failed: failed === true,
    iterations: iterations.map((list) => list.map((r) => compactRecord(r, spec.fullRecords))),
    variables: changedVariables(spec.variables, state.variables, state.assigned),
    ...(state.response !== undefined && state.response !== respondedBefore
      ? { response: { ...state.response, headers: { ...state.response.headers } } }
      : {}),
    ...(state.terminated === undefined
      ? {}
      : { terminated: JSON.parse(JSON.stringify(state.terminated)) as JsonObject }),
  };
  return {
    status: result.failed ? 'Failed' : 'Succeeded',
    outputs: { partition: result as unknown as JsonObject },
  };
}
