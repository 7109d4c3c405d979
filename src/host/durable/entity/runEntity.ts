/**
 * One entity batch: every pending operation of one entity in one invocation (protocol notes 4.2);
 * state, consumed requests, responses to calling orchestrations and emitted signals commit together.
 */
import { type EngineContext, findFunction, nowIso } from '../context';
import { EventType, historyEvent, str } from '../history';
import { decode } from '../activity/runActivity';
import type { NewMessage } from '../store/types';
import { entityInstanceId, parseEntityInstanceId, type RequestMessage } from './entityId';

interface OperationResult {
  readonly isError?: boolean;
  readonly result?: string;
}

interface EntityStateResult {
  readonly entityExists?: boolean;
  readonly entityState?: string;
  readonly results?: readonly OperationResult[];
  readonly signals?: readonly {
    readonly target: { readonly name: string; readonly key: string };
    readonly name: string;
    readonly input?: string;
  }[];
}

export async function runEntity(ctx: EngineContext, entityId: string): Promise<void> {
  const messages = ctx.store.messages(entityId);
  const self = parseEntityInstanceId(entityId);
  if (messages.length === 0 || !self) return;
  const requests = messages.map((m) => JSON.parse(str(m.event, 'Input') ?? '{}') as RequestMessage);
  const row = ctx.store.entity(entityId);
  const now = nowIso(ctx);
  const fn = findFunction(ctx.runtime, 'entityTrigger', self.name);
  const payload = {
    self,
    exists: row?.exists ?? false,
    state: row?.exists ? row.state : null,
    batch: requests.map((r) => ({ name: r.op, input: r.input ?? null, isSignal: r.signal === true })),
  };
  let state: EntityStateResult | undefined;
  let failure = fn
    ? ''
    : `The function '${self.name}' doesn't exist, is disabled, or is not an entity function.`;
  if (fn) {
    const result = await ctx.runtime.invoke(fn.name, {
      inputData: [{ name: fn.triggerBindingName, data: { string: JSON.stringify(payload) } }],
    });
    if (result.ok) state = decode(result.returnValue) as EntityStateResult;
    else failure = result.message;
  }
  const out: NewMessage[] = [];
  requests.forEach((request, i) => {
    if (request.signal || !request.parent) return;
    const r = state?.results?.[i];
    const response = state
      ? { result: r?.result ?? null, ...(r?.isError ? { exceptionType: 'Error' } : {}) }
      : { result: JSON.stringify(failure), exceptionType: 'Error' };
    out.push({
      target: request.parent,
      executionId: request.parentExecution ?? null,
      event: historyEvent(EventType.EventRaised, now, { Name: request.id, Input: JSON.stringify(response) }),
    });
  });
  for (const signal of state?.signals ?? []) {
    const target = entityInstanceId(signal.target.name, signal.target.key);
    const message: RequestMessage = {
      op: signal.name,
      signal: true,
      ...(signal.input ? { input: signal.input } : {}),
      id: ctx.newGuid(),
      parent: entityId,
    };
    out.push({
      target,
      executionId: null,
      event: historyEvent(EventType.EventRaised, now, { Name: 'op', Input: JSON.stringify(message) }),
    });
  }
  if (failure) ctx.log('error', `Entity ${entityId}: the batch failed: ${failure}`);
  const committed = await ctx.gate.write(() =>
    ctx.store.commitEntity({
      entity: {
        entityId,
        exists: state ? state.entityExists === true : (row?.exists ?? false),
        state: state ? (state.entityState ?? null) : (row?.state ?? null),
        updatedAt: now,
      },
      consumed: messages.map((m) => m.seq),
      messages: out,
    }),
  );
  if (committed) for (const m of out) ctx.notify(m.target);
}
