/**
 * Runs an action map the way Logic Apps does: an action starts when every action it runs after has
 * finished with one of the statuses it accepts; otherwise it is Skipped, which propagates. Actions
 * whose predecessors are done start together, so parallel branches really overlap.
 *
 * A map's status follows Logic Apps' branch-end rule (see mapStatus): a failure is handled only
 * when every branch that leaves it ends well.
 */
import type { ActionStatus } from '../expressions/context';
import { isJsonObject, type JsonObject } from '../expressions/values';
import type { GraphResult } from './actions/env';
import type { Frame } from './frame';
import { runAction } from './run-action';
import type { ActionRecord } from './run-types';
import type { RunState } from './run-state';
import type { Fiber, Proc } from './scheduler';

type Finished = ReadonlyMap<string, ActionStatus>;

export function* runActions(state: RunState, actionMap: unknown, frame: Frame): Proc<GraphResult> {
  const actions = actionsOf(actionMap);
  const names = new Set(Object.keys(actions));
  let pending = [...names];
  const finished = new Map<string, ActionStatus>();
  const records = new Map<string, ActionRecord>();
  const running = new Map<string, Fiber<ActionRecord>>();
  for (;;) {
    let progressed = true;
    while (progressed && state.terminated === undefined) {
      progressed = false;
      const waiting: string[] = [];
      for (const name of pending) {
        const after = runAfterOf(actions[name]);
        if (Object.keys(after).some((p) => names.has(p) && !finished.has(p))) {
          waiting.push(name);
          continue;
        }
        const unmet = unmetCondition(after, finished);
        if (unmet === undefined) {
          running.set(name, state.scheduler.spawn(runAction(state, frame, name, actions[name] ?? {})));
          continue;
        }
        const skipped = skippedRecord(state, name, actions[name] ?? {}, unmet);
        frame.add(skipped);
        records.set(name, skipped);
        finished.set(name, 'Skipped');
        progressed = true;
      }
      pending = waiting;
    }
    if (running.size === 0 || state.terminated !== undefined) break;
    yield { kind: 'fibers', fibers: [...running.values()] };
    for (const [name, fiber] of running) {
      if (!fiber.done) continue;
      running.delete(name);
      const record = fiber.value();
      records.set(name, record);
      finished.set(name, record.status);
    }
  }
  return { status: mapStatus(actions, finished), records: [...records.values()] };
}

function actionsOf(map: unknown): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  if (!isJsonObject(map as JsonObject)) return out;
  for (const [name, value] of Object.entries(map as JsonObject)) if (isJsonObject(value)) out[name] = value;
  return out;
}

function runAfterOf(action: JsonObject | undefined): Record<string, string[]> {
  const after = action?.runAfter;
  const out: Record<string, string[]> = {};
  if (!isJsonObject(after)) return out;
  for (const [name, statuses] of Object.entries(after)) {
    const list = Array.isArray(statuses) ? statuses.filter((s): s is string => typeof s === 'string') : [];
    out[name] = list.length === 0 ? ['Succeeded'] : list;
  }
  return out;
}

interface Unmet {
  readonly predecessor: string;
  readonly expected: readonly string[];
  readonly actual: ActionStatus;
}

function unmetCondition(after: Record<string, string[]>, finished: Finished): Unmet | undefined {
  for (const [predecessor, expected] of Object.entries(after)) {
    const actual = finished.get(predecessor);
    if (actual === undefined) continue;
    if (!expected.some((s) => s.toLowerCase() === actual.toLowerCase()))
      return { predecessor, expected, actual };
  }
  return undefined;
}

function skippedRecord(state: RunState, name: string, action: JsonObject, unmet: Unmet): ActionRecord {
  const now = state.isoNow();
  const message =
    `The execution of template action '${name}' is skipped: the 'runAfter' condition for action ` +
    `'${unmet.predecessor}' is not satisfied. Expected status values '${unmet.expected.join("', '")}' ` +
    `and actual value '${unmet.actual}'.`;
  return {
    name,
    type: typeof action.type === 'string' ? action.type : '',
    status: 'Skipped',
    startTime: now,
    endTime: now,
    code: 'ActionSkipped',
    error: { code: 'ActionSkipped', message },
  };
}

/**
 * Logic Apps' rule: look at the branch ends (actions nothing in the map runs after). A branch that
 * ends Failed or TimedOut fails the map; one that ends Skipped takes the status of the predecessors
 * that skipped it (a Skipped end after a failure is a failure). Any failed branch fails the map, so a
 * caught failure next to a "success path" that was skipped still fails the run, as in Logic Apps.
 */
function mapStatus(actions: Record<string, JsonObject>, finished: Finished): 'Succeeded' | 'Failed' {
  const predecessors = new Map(
    Object.keys(actions).map((name) => [name, Object.keys(runAfterOf(actions[name]))]),
  );
  const hasSuccessor = new Set([...predecessors.values()].flat());
  const memo = new Map<string, boolean>();
  const failed = (name: string): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, false); // the graph has no cycle (checked at load); this only guards recursion
    const status = finished.get(name);
    const result =
      status === 'Failed' || status === 'TimedOut' || status === 'Cancelled'
        ? true
        : status === 'Skipped'
          ? (predecessors.get(name) ?? []).some((p) => finished.has(p) && failed(p))
          : false;
    memo.set(name, result);
    return result;
  };
  const ends = [...finished.keys()].filter((name) => !hasSuccessor.has(name));
  return ends.some(failed) ? 'Failed' : 'Succeeded';
}
