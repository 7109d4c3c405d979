/**
 * Rebuilds a run's action tree by replaying the engine over its durable history. For a run in
 * flight, replay stops where the history ends and the actions not finished show as Running.
 */
import { interpret } from '../interpret';
import type { RunState } from '../run-state';
import type { ActionRecord, RunInput, RunResult } from '../run-types';
import { type HistoryEventView, ReplayPort, type ReplayTask } from './replay-port';

export interface DerivedRun {
  readonly actions: readonly ActionRecord[];
  /** The result the replay reached; undefined while the run is in flight. */
  readonly result: RunResult | undefined;
}

export function deriveRun(
  runId: string,
  input: RunInput,
  history: readonly HistoryEventView[],
  appSetting?: (name: string) => string | undefined,
): DerivedRun {
  const started = history.find((e) => e.EventType === 'ExecutionStarted');
  const port = new ReplayPort(runId, Date.parse(started?.Timestamp ?? input.trigger.startTime), appSetting);
  let state: RunState | undefined;
  const run = interpret(port, input, { onStart: (s) => (state = s) });
  let cursor = history.findIndex((e) => e.EventType === 'ExecutionStarted') + 1;
  let step = run.next();
  while (step.done !== true) {
    const awaited = step.value as ReplayTask;
    port.yielded(awaited);
    while (!port.isDone(awaited) && cursor < history.length) port.play(history[cursor++] as HistoryEventView);
    if (!port.isDone(awaited)) break;
    step = run.next();
  }
  return { actions: state?.root.ordered ?? [], result: step.done === true ? step.value : undefined };
}
