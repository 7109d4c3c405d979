/**
 * Fires a trigger: applies `splitOn` and `conditions`, then starts one run per resulting trigger
 * output, each pinned to the definition as it is now. Shared by the Request, Recurrence and Http
 * polling triggers so every kind of trigger starts runs the same way.
 */
import { randomUUID } from 'node:crypto';
import type * as df from 'durable-functions';
import type { JsonObject, JsonValue } from '../../expressions/values';
import { recordRunStarted } from '../../telemetry/metrics';
import { RUN_ORCHESTRATION } from '../durable/port';
import type { CatalogEntry } from '../workflows/catalog';
import { newRunInput, parametersResolver } from './run-input';
import { splitTrigger } from './split';

export interface Firing {
  readonly entry: CatalogEntry;
  readonly definition: JsonObject;
  readonly triggerName: string;
  readonly trigger: JsonObject;
  readonly type: string;
  readonly outputs: JsonObject;
  readonly inputs?: JsonValue;
  readonly callbackBase?: string;
  /** The trigger call's W3C traceparent: the runs' spans join that trace. */
  readonly traceparent?: string;
  /** Run ids for the runs of this firing; default random. Timer triggers pass deterministic ones. */
  readonly runId?: (index: number) => string;
}

export type Fired =
  | { readonly kind: 'started'; readonly runIds: readonly string[]; readonly split: boolean }
  | { readonly kind: 'skipped'; readonly reasons: readonly string[]; readonly split: boolean }
  | {
      readonly kind: 'invalid';
      readonly pointer: string;
      readonly message: string;
      /** The trigger outputs (the caller's body) split into more items than the limit. */
      readonly tooMany?: true;
    };

export async function fireTrigger(client: df.DurableClient, firing: Firing): Promise<Fired> {
  const parametersOf = await parametersResolver();
  const split = splitTrigger(firing.trigger, firing.outputs, parametersOf(firing.entry));
  if (!split.ok) {
    const { pointer, message, tooMany } = split;
    return { kind: 'invalid', pointer, message, ...(tooMany ? { tooMany } : {}) };
  }
  const isSplit = firing.trigger.splitOn !== undefined;
  if (split.runs.length === 0) return { kind: 'skipped', reasons: split.skipped, split: isSplit };
  const runIds: string[] = [];
  for (const [index, outputs] of split.runs.entries()) {
    const runId = firing.runId?.(index) ?? randomUUID();
    const input = {
      ...(await newRunInput(
        firing.entry,
        firing.definition,
        { name: firing.triggerName, type: firing.type, outputs, inputs: firing.inputs },
        firing.callbackBase,
        parametersOf,
      )),
      ...(firing.traceparent === undefined ? {} : { traceparent: firing.traceparent }),
    };
    await client.startNew(RUN_ORCHESTRATION, { instanceId: runId, input });
    recordRunStarted(firing.entry.name, firing.triggerName);
    runIds.push(runId);
  }
  return { kind: 'started', runIds, split: isSplit };
}
