/**
 * The engine's port over a durable-functions orchestration context.
 *
 * `whenAny` works around durable-js issue #574: a new Task.any that contains a task yielded before
 * re-sends that task's action, so on Azure the activity would run twice. The compound we yield lists
 * only the actions of children never scheduled before; if all were, it is marked as already
 * scheduled and adds no action at all. Completion still flows to the newest compound because
 * durable-js re-parents every child to it. `test/engine/durable-no-duplicates.test.ts` proves it by
 * counting backend calls on the emulator, which reproduces #574 like the real extension.
 */
import type * as df from 'durable-functions';
import type { JsonValue } from '../../expressions/values';
import { deterministicGuid } from '../../engine/guid';
import type { PortTask, TaskOutcome, WorkflowPort } from '../../engine/port';

export const RUN_ORCHESTRATION = 'flowline-run';

/** The durable-js internals the workaround touches (stable across 3.x; pinned by the test above). */
interface ScheduledState {
  alreadyScheduled?: boolean;
  actionObj?: { compoundActions?: unknown[] };
}

const asPort = (task: df.Task): PortTask => task as unknown as PortTask;
const asTask = (task: PortTask): df.Task => task as unknown as df.Task;

export function durablePort(context: df.OrchestrationContext): WorkflowPort {
  const d = context.df;
  let guids = 0;
  return {
    runId: d.instanceId,
    get isReplaying() {
      return d.isReplaying;
    },
    now: () => d.currentUtcDateTime.getTime(),
    newGuid: () => deterministicGuid(d.instanceId, guids++),
    callActivity: (name, input) => asPort(d.callActivity(name, input)),
    createTimer: (fireAt) => asPort(d.createTimer(new Date(fireAt))),
    cancelTimer: (task) => (asTask(task) as df.TimerTask).cancel(),
    waitForEvent: (name) => asPort(d.waitForExternalEvent(name)),
    callSubWorkflow: (input, childRunId) =>
      asPort(d.callSubOrchestrator(RUN_ORCHESTRATION, input, childRunId)),
    whenAny(tasks) {
      const children = tasks.map(asTask);
      const fresh = children.filter((t) => (t as unknown as ScheduledState).alreadyScheduled !== true);
      const compound = d.Task.any(children);
      const state = compound as unknown as ScheduledState;
      if (fresh.length === 0) state.alreadyScheduled = true;
      else if (state.actionObj)
        state.actionObj.compoundActions = fresh.map((t) => (t as unknown as ScheduledState).actionObj);
      return asPort(compound);
    },
    outcome(task): TaskOutcome {
      const t = asTask(task);
      if (t.isFaulted) {
        const error = t.result;
        return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
      if (!t.isCompleted) return { state: 'pending' };
      return { state: 'completed', value: (t.result ?? null) as JsonValue };
    },
    setStatus: (status) => d.setCustomStatus(status),
    appSetting: (name) => process.env[name],
  };
}
