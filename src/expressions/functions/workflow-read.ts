/** Lookups behind the workflow functions, with the error wording Logic Apps uses. */
import type { Call } from '../ast';
import type { ActionSnapshot, EvaluationContext } from '../context';
import { ExpressionError } from '../errors';
import { isJsonObject, type JsonObject, type JsonValue } from '../values';
import { argString } from './args';

/** An action snapshot as `actions('X')` shows it: only the fields that have a value. */
export function snapshotJson(snapshot: ActionSnapshot): JsonObject {
  const out: JsonObject = {};
  const fields: [string, JsonValue | undefined][] = [
    ['name', snapshot.name],
    ['inputs', snapshot.inputs],
    ['outputs', snapshot.outputs],
    ['startTime', snapshot.startTime],
    ['endTime', snapshot.endTime],
    ['trackingId', snapshot.trackingId],
    ['clientTrackingId', snapshot.clientTrackingId],
    ['trackedProperties', snapshot.trackedProperties],
    ['code', snapshot.code],
    ['status', snapshot.status],
    ['error', snapshot.error],
  ];
  for (const [key, value] of fields) if (value !== undefined) out[key] = value;
  return out;
}

/** The action named by the argument at `index`; fails like Logic Apps when it has not run in scope. */
export function namedAction(
  call: Call,
  args: readonly JsonValue[],
  ctx: EvaluationContext,
  index = 0,
): ActionSnapshot {
  const name = argString(call, args, index);
  const snapshot = ctx.action(name);
  if (snapshot === undefined)
    throw new ExpressionError(
      `The action '${name}' is not found.`,
      call.args[index]?.span ?? call.span,
      `Check the spelling, and that '${name}' runs before this action (runAfter) in the same or an enclosing scope.`,
    );
  return snapshot;
}

export function theTrigger(call: Call, ctx: EvaluationContext): ActionSnapshot {
  const snapshot = ctx.trigger();
  if (snapshot === undefined)
    throw new ExpressionError(
      `The template language function '${call.name}' cannot be used here: there is no trigger output outside a run.`,
      call.span,
    );
  return snapshot;
}

/** The `outputs` of a snapshot; fails when the action produced none (skipped, still running). */
export function outputsOf(call: Call, snapshot: ActionSnapshot): JsonValue {
  if (snapshot.outputs === undefined)
    throw new ExpressionError(
      `The template language function '${call.name}' cannot read the outputs of '${snapshot.name}': its status is '${snapshot.status}' and it has no outputs.`,
      call.span,
      snapshot.status === 'Skipped'
        ? 'Use outputs(...)? only after checking the status with actions(...).status.'
        : undefined,
    );
  return snapshot.outputs;
}

/** `outputs.body` of a snapshot, failing like Logic Apps when there is no body property. */
export function bodyOf(call: Call, snapshot: ActionSnapshot): JsonValue {
  const outputs = outputsOf(call, snapshot);
  if (isJsonObject(outputs) && Object.hasOwn(outputs, 'body')) return outputs.body ?? null;
  const available = isJsonObject(outputs) ? Object.keys(outputs).join(', ') : '';
  throw new ExpressionError(
    `The template language expression '${call.name}(...)' cannot be evaluated because property 'body' doesn't exist on the outputs of '${snapshot.name}', available properties are '${available}'.`,
    call.span,
  );
}
