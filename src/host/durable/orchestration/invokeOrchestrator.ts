/**
 * Invokes an orchestrator function with the trigger payload of protocol notes 2.1 and reads back its
 * OrchestratorState, from the return value or from the `$OutOfProcData$` of a thrown error (2.3).
 */
import { timeSpan } from '../config';
import type { EngineContext } from '../context';
import type { LoadedFunction } from '../../extension';
import { EventType, type HistoryEvent, str } from '../history';
import type { OrchestratorState } from '../replay/actions';
import { parseJson } from '../replay/outcomes';
import { playedHistoryJson } from './playedHistory';

export interface OrchestratorOutcome {
  readonly state: OrchestratorState;
  /** The orchestrator threw: the failure message (state.error, or the SDK's own error). */
  readonly error?: string;
  /** No OrchestratorState came back (the SDK itself failed): there are no actions to replay. */
  readonly noState?: boolean;
}

const MARKER = '$OutOfProcData$:';

export async function invokeOrchestrator(
  ctx: EngineContext,
  fn: LoadedFunction,
  instanceId: string,
  past: readonly HistoryEvent[],
  fresh: readonly HistoryEvent[],
): Promise<OrchestratorOutcome> {
  const started = [...past, ...fresh].find((e) => e.EventType === EventType.ExecutionStarted);
  const parent = started?.['ParentInstance'] as
    { OrchestrationInstance?: { InstanceId?: string } } | null | undefined;
  // The history is written as text: the played part comes from playedHistoryJson's cache.
  const history = [
    playedHistoryJson(past),
    fresh.map((e) => JSON.stringify({ ...e, IsPlayed: false })).join(','),
  ]
    .filter((part) => part !== '')
    .join(',');
  const rest = {
    input: started ? (parseJson(str(started, 'Input')) ?? null) : null,
    instanceId,
    isReplaying: past.length > 0,
    parentInstanceId: parent?.OrchestrationInstance?.InstanceId ?? null,
    upperSchemaVersion: 1,
    upperSchemaVersionNew: 2,
    longRunningTimerIntervalDuration: timeSpan(ctx.config.longTimerIntervalMs),
    maximumShortTimerDuration: timeSpan(ctx.config.maxShortTimerMs),
    defaultHttpAsyncRequestSleepTimeMillseconds: ctx.config.httpSleepMs,
  };
  const result = await ctx.runtime.invoke(fn.name, {
    inputData: [
      {
        name: fn.triggerBindingName,
        data: { string: `{"history":[${history}],${JSON.stringify(rest).slice(1)}` },
      },
    ],
  });
  if (result.ok) {
    const value = result.returnValue;
    const text =
      value && 'json' in value ? value.json : value && 'string' in value ? value.string : undefined;
    const state = text === undefined ? undefined : (parseJson(text) as OrchestratorState | undefined);
    if (!state || !Array.isArray(state.actions))
      return failed(`The orchestrator returned no OrchestratorState (got ${text ?? 'nothing'}).`);
    return { state };
  }
  const at = result.message.indexOf(MARKER);
  if (at < 0) return failed(result.message);
  const state = parseJson(result.message.slice(at + MARKER.length).trim()) as OrchestratorState;
  return { state, error: state.error ?? result.message.slice(0, at).trim() };
}

function failed(message: string): OrchestratorOutcome {
  return { state: { isDone: false, actions: [[]] }, error: message, noState: true };
}
