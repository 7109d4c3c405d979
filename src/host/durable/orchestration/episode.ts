/**
 * One orchestration episode: take the inbox, invoke the orchestrator with the whole execution
 * history, shadow-replay its actions, and commit the new history and side effects in one transaction.
 */
import { type EngineContext, findFunction, nowIso } from '../context';
import { EventType, historyEvent } from '../history';
import { shadowReplay } from '../replay/replay';
import type { EpisodeCommit, InstanceRow } from '../store/types';
import { takeInbox } from './inbox';
import { invokeOrchestrator } from './invokeOrchestrator';
import { type Ending, finish } from './finish';
import { missingFunction } from './missingFunction';
import { sideEffects } from './sideEffects';

export async function runEpisode(ctx: EngineContext, instanceId: string): Promise<EpisodeCommit | undefined> {
  const row = ctx.store.instance(instanceId);
  const messages = ctx.store.messages(instanceId);
  if (!row || messages.length === 0) return undefined;
  const inbox = takeInbox(row, messages);
  const now = nowIso(ctx);
  const past = ctx.store.history(instanceId);
  const base: EpisodeCommit = {
    instance: { ...row, status: inbox.status, updatedAt: now },
    resetHistory: false,
    append: [],
    consumed: inbox.consumed,
    activities: [],
    timers: [],
    cancelTimers: [],
    messages: [],
    newInstances: [],
  };
  if (inbox.terminateReason !== undefined) {
    const fresh = [
      historyEvent(EventType.OrchestratorStarted, now),
      historyEvent(EventType.ExecutionTerminated, now, { Input: inbox.terminateReason }),
    ];
    return finish(ctx, base, past, fresh, { kind: 'Terminated', reason: inbox.terminateReason });
  }
  if (!inbox.needsOrchestrator)
    // Only control events (or stale messages dropped): the last-updated time moves only with history.
    return {
      ...base,
      instance: inbox.events.length > 0 ? base.instance : { ...base.instance, updatedAt: row.updatedAt },
      append: inbox.events,
    };
  const fresh = [historyEvent(EventType.OrchestratorStarted, now), ...inbox.events];
  const running: InstanceRow = { ...base.instance, status: 'Running' };
  const fn = findFunction(ctx.runtime, 'orchestrationTrigger', row.name);
  if (!fn) {
    const reason = `The function '${row.name}' doesn't exist, is disabled, or is not an orchestrator function.`;
    return finish(ctx, { ...base, instance: running }, past, fresh, { kind: 'Failed', reason });
  }
  const outcome = await invokeOrchestrator(ctx, fn, instanceId, past, fresh);
  if (outcome.noState)
    return finish(ctx, { ...base, instance: running }, past, fresh, {
      kind: 'Failed',
      reason: `Orchestrator function '${row.name}' failed: ${outcome.error ?? ''}`,
    });
  const replay = shadowReplay([...past, ...fresh], outcome.state.actions[0] ?? [], {
    instanceId,
    executionId: row.executionId,
    schemaV3: true,
    longTimerIntervalMs: ctx.config.longTimerIntervalMs,
    maxShortTimerMs: ctx.config.maxShortTimerMs,
    httpSleepMs: ctx.config.httpSleepMs,
    newGuid: () => ctx.newGuid(),
    warn: (message) => ctx.log('warning', `Instance ${instanceId}: ${message}`),
  });
  const customStatus =
    outcome.state.customStatus === undefined
      ? running.customStatus
      : JSON.stringify(outcome.state.customStatus);
  const withStatus: EpisodeCommit = { ...base, instance: { ...running, customStatus } };
  if (replay.nondeterminism !== undefined)
    return finish(ctx, withStatus, past, fresh, { kind: 'Failed', reason: replay.nondeterminism });
  if (replay.unsupported !== undefined)
    return finish(ctx, withStatus, past, fresh, {
      kind: 'Failed',
      reason: `Orchestrator function '${row.name}' failed: ${replay.unsupported}`,
    });
  const missing = missingFunction(ctx, replay.newEvents);
  if (missing !== undefined)
    return finish(ctx, withStatus, past, fresh, {
      kind: 'Failed',
      reason: `Orchestrator function '${row.name}' failed: ${missing}`,
    });
  const effects = sideEffects(ctx, row, replay.newEvents, replay.cancelledTimers);
  const scheduled: EpisodeCommit = { ...withStatus, ...effects };
  const allFresh = [...fresh, ...replay.newEvents];
  const done = outcome.error !== undefined || outcome.state.isDone;
  if (!done || !replay.atEnd || replay.openTasks > 0)
    return { ...scheduled, append: [...allFresh, historyEvent(EventType.OrchestratorCompleted, now)] };
  const ending: Ending =
    outcome.error !== undefined
      ? { kind: 'Failed', reason: `Orchestrator function '${row.name}' failed: ${outcome.error}` }
      : replay.continueAsNew
        ? { kind: 'ContinuedAsNew', input: replay.continueAsNew.input, carriedOver: replay.carriedOver }
        : { kind: 'Completed', output: outcome.state.output };
  return finish(ctx, scheduled, past, allFresh, ending);
}
