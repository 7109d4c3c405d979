/**
 * The engine's port over a durable-functions orchestration context.
 *
 * `whenAny` is where the frontier scheduler meets two facts of the real stack:
 * 1. durable-js issue #574: a new Task.any that contains a task yielded before re-sends that task's
 *    action, so on Azure the activity would run twice. The compound we yield therefore lists only
 *    the actions of children never scheduled before.
 * 2. The extension walks the action list in order and awaits each action before it invokes the
 *    next (protocol notes 2.5). A compound listing only the fresh children would hold the walk
 *    until one of *them* completes, even when the orchestrator already moved on because an older
 *    task completed; actions yielded after that would not be scheduled (a webhook whose timeout
 *    fired would never unsubscribe). So a compound that mixes fresh and older tasks also carries
 *    a fresh "gate" timer, which is cancelled at the next turn: a cancelled timer completes at once
 *    in the extension's walk, releasing it exactly when the orchestrator resumes.
 * `test/workflows/no-duplicates.test.ts` proves both on the emulator, which gates and duplicates
 * like the real extension.
 */
import type * as df from 'durable-functions';
import type { JsonValue } from '../../expressions/values';
import { deterministicGuid } from '../../engine/guid';
import type { PortTask, TaskOutcome, WorkflowPort } from '../../engine/port';

export const RUN_ORCHESTRATION = 'flowline-run';

/** How far ahead a gate timer is set. Below the 6-day limit where durable-js splits timers. */
export const GATE_MS = 86_400_000;

/** The durable-js internals the workaround touches (stable across 3.x; pinned by the test above). */
interface Internals {
  alreadyScheduled?: boolean;
  actionObj?: { compoundActions?: unknown[] };
}

const asPort = (task: df.Task): PortTask => task as unknown as PortTask;
const asTask = (task: PortTask): df.Task => task as unknown as df.Task;
const internals = (task: df.Task): Internals => task as unknown as Internals;

export interface DurablePort extends WorkflowPort {
  /** Cancels gates and timers still pending, so the finished run does not wait for them. */
  release(): void;
}

export function durablePort(context: df.OrchestrationContext): DurablePort {
  const d = context.df;
  let guids = 0;
  let gates: df.TimerTask[] = [];
  const timers = new Set<df.TimerTask>();
  const cancel = (timer: df.TimerTask): void => {
    if (!timer.isCompleted && !timer.isFaulted && !timer.isCanceled) timer.cancel();
  };
  return {
    runId: d.instanceId,
    get isReplaying() {
      return d.isReplaying;
    },
    now: () => d.currentUtcDateTime.getTime(),
    newGuid: () => deterministicGuid(d.instanceId, guids++),
    callActivity: (name, input) => asPort(d.callActivity(name, input)),
    createTimer(fireAt) {
      const timer = d.createTimer(new Date(fireAt));
      timers.add(timer);
      return asPort(timer);
    },
    cancelTimer(task) {
      const timer = asTask(task) as df.TimerTask;
      timers.delete(timer);
      cancel(timer);
    },
    waitForEvent: (name) => asPort(d.waitForExternalEvent(name)),
    callSubWorkflow: (input, childRunId) =>
      asPort(d.callSubOrchestrator(RUN_ORCHESTRATION, input, childRunId)),
    whenAny(tasks) {
      gates.forEach(cancel);
      gates = [];
      const children = tasks.map(asTask);
      if (children.length === 1) return tasks[0] as PortTask;
      const fresh = children.filter((t) => internals(t).alreadyScheduled !== true);
      if (fresh.length === children.length) return asPort(d.Task.any(children));
      if (fresh.length === 0) {
        const compound = d.Task.any(children);
        internals(compound).alreadyScheduled = true;
        return asPort(compound);
      }
      const gate = d.createTimer(new Date(d.currentUtcDateTime.getTime() + GATE_MS));
      gates.push(gate);
      const compound = d.Task.any([...children, gate]);
      const action = internals(compound).actionObj;
      if (action) action.compoundActions = [...fresh, gate].map((t) => internals(t).actionObj);
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
    release() {
      gates.forEach(cancel);
      gates = [];
      timers.forEach(cancel);
      timers.clear();
    },
  };
}
