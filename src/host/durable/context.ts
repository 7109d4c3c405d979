/** What the orchestration, activity and entity runners share. */
import type { Clock } from '../clock';
import type { FunctionsRuntime, LoadedFunction } from '../extension';
import type { DurableConfig } from './config';
import type { StoreGate } from './storeGate';
import type { DurableStore } from './store/types';

export interface EngineContext {
  readonly store: DurableStore;
  /** Every store write goes through it, so a locked or full store pauses work instead of losing it. */
  readonly gate: StoreGate;
  readonly runtime: FunctionsRuntime;
  readonly clock: Clock;
  readonly config: DurableConfig;
  log(level: 'debug' | 'information' | 'warning' | 'error', message: string): void;
  /** A target (instance id or `@entity@key`) has new messages. */
  notify(target: string): void;
  newGuid(): string;
}

/** Functions with the given trigger type, looked up by name (entities: case-insensitively). */
export function findFunction(
  runtime: FunctionsRuntime,
  triggerType: string,
  name: string,
): LoadedFunction | undefined {
  const exact = runtime.functions.get(name);
  if (exact?.triggerType === triggerType) return exact;
  for (const fn of runtime.functions.values())
    if (fn.triggerType === triggerType && fn.name.toLowerCase() === name.toLowerCase()) return fn;
  return undefined;
}

export function nowIso(ctx: EngineContext): string {
  return ctx.clock.now().toISOString();
}
