/**
 * Management operations behind the HTTP API: start, raise event, terminate, suspend, resume, purge,
 * entity signal. Each is one store transaction followed by a notification to the dispatcher.
 */
import { type EngineContext, findFunction, nowIso } from './context';
import { entityInstanceId, type RequestMessage } from './entity/entityId';
import { EventType, historyEvent, isTerminal } from './history';
import type { InstanceRow } from './store/types';

export class ClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ACTIVE = ['Running', 'Pending', 'Suspended', 'ContinuedAsNew'];

export function validateInstanceId(id: string): void {
  if (id.length === 0 || id.length > 256 || id.startsWith('@') || /[/\\#?\p{Cc}]/u.test(id))
    throw new ClientError(
      400,
      `Instance id '${id}' is invalid: it must be 1-256 characters, not start with '@', and not contain / \\ # ? or control characters.`,
    );
}

export function startInstance(
  ctx: EngineContext,
  name: string,
  instanceId: string,
  input: string | null,
): InstanceRow {
  const fn = findFunction(ctx.runtime, 'orchestrationTrigger', name);
  if (!fn)
    throw new ClientError(
      400,
      `The function '${name}' doesn't exist, is disabled, or is not an orchestrator function.`,
    );
  validateInstanceId(instanceId);
  const existing = ctx.store.instance(instanceId);
  if (existing && ACTIVE.includes(existing.status))
    throw new ClientError(
      500,
      `An Orchestration instance with the status ${existing.status} already exists with instance id '${instanceId}'.`,
    );
  const now = nowIso(ctx);
  const executionId = ctx.newGuid();
  const row: InstanceRow = {
    instanceId,
    name: fn.name,
    executionId,
    status: 'Pending',
    input,
    output: null,
    customStatus: null,
    createdAt: now,
    updatedAt: now,
    parentInstanceId: null,
  };
  ctx.gate.now(() =>
    ctx.store.createInstance(row, {
      target: instanceId,
      executionId,
      event: historyEvent(EventType.ExecutionStarted, now, {
        OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId },
        ParentInstance: null,
        Name: fn.name,
        Version: '',
        Input: input,
        Tags: null,
        Correlation: null,
        ScheduledStartTime: null,
        Generation: 0,
      }),
    }),
  );
  ctx.notify(instanceId);
  return row;
}

/** Queues a control or event message; 404 unknown, 410 already finished. */
export function sendToInstance(
  ctx: EngineContext,
  instanceId: string,
  type: number,
  fields: Record<string, unknown>,
): void {
  const row = ctx.store.instance(instanceId);
  if (!row) throw new ClientError(404, `No instance with ID '${instanceId}' found.`);
  if (isTerminal(row.status)) throw new ClientError(410, `Instance '${instanceId}' is ${row.status}.`);
  ctx.gate.now(() =>
    ctx.store.enqueue({
      target: instanceId,
      executionId: row.executionId,
      event: historyEvent(type, nowIso(ctx), fields),
    }),
  );
  ctx.notify(instanceId);
}

export function signalEntity(
  ctx: EngineContext,
  name: string,
  key: string,
  op: string,
  input: string | undefined,
): void {
  const target = entityInstanceId(name, key);
  const request: RequestMessage = {
    op,
    signal: true,
    ...(input === undefined ? {} : { input }),
    id: ctx.newGuid(),
  };
  ctx.gate.now(() =>
    ctx.store.enqueue({
      target,
      executionId: null,
      event: historyEvent(EventType.EventRaised, nowIso(ctx), { Name: 'op', Input: JSON.stringify(request) }),
    }),
  );
  ctx.notify(target);
}
