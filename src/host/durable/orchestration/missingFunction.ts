/**
 * The extension checks, when an orchestrator schedules an activity or sub-orchestration, that the
 * function exists (`ThrowIfFunctionDoesNotExist`); a missing one fails the orchestration itself.
 */
import { type EngineContext, findFunction } from '../context';
import { EventType, type HistoryEvent, str } from '../history';
import { HTTP_ACTIVITY } from '../replay/http';

const KIND: Readonly<Record<number, readonly [string, string]>> = {
  [EventType.TaskScheduled]: ['activityTrigger', 'activity'],
  [EventType.SubOrchestrationInstanceCreated]: ['orchestrationTrigger', 'orchestrator'],
};

export function missingFunction(ctx: EngineContext, events: readonly HistoryEvent[]): string | undefined {
  for (const e of events) {
    const kind = KIND[e.EventType];
    const name = str(e, 'Name') ?? '';
    if (!kind || name === HTTP_ACTIVITY || findFunction(ctx.runtime, kind[0], name)) continue;
    const known = [...ctx.runtime.functions.values()]
      .filter((f) => f.triggerType === kind[0])
      .map((f) => `'${f.name}'`)
      .join(', ');
    return (
      `The function '${name}' doesn't exist, is disabled, or is not an ${kind[1]} function. ` +
      `Additional info: the known ${kind[1]} functions are: ${known || 'none'}.`
    );
  }
  return undefined;
}
