/**
 * Runs one action: records its start, hands it to the executor for its type, turns expression and
 * input errors into a Failed status with Logic Apps' wording, applies `limit.timeout`, evaluates
 * `trackedProperties`, and records the end.
 */
import { ExpressionError } from '../expressions/errors';
import type { EvaluationContext } from '../expressions/context';
import type { JsonObject, JsonValue } from '../expressions/values';
import { executorFor } from './actions/index';
import { type ActionEnv, failed, type Outcome } from './actions/env';
import { createContext } from './context';
import type { Frame } from './frame';
import { runActions } from './graph';
import { ActionFailure } from './ops/failure';
import type { PortTask } from './port';
import { parseIsoDuration } from './policy/duration';
import type { ActionRecord } from './run-types';
import type { RunState } from './run-state';
import { evaluateValue } from './template-cache';
import type { Proc } from './scheduler';
import { text } from './text';

export function* runAction(state: RunState, frame: Frame, name: string, def: JsonObject): Proc<ActionRecord> {
  const type = typeof def.type === 'string' ? def.type : '';
  const record: ActionRecord = { name, type, status: 'Running', startTime: state.isoNow() };
  const secure = secureData(def);
  if (secure.inputs) record.secureInputs = true;
  if (secure.outputs) record.secureOutputs = true;
  frame.add(record);
  const ctx = createContext(state, frame, { current: record });
  let timer: PortTask | undefined;
  let deadline: number | undefined;
  let outcome: Outcome;
  try {
    deadline = timeoutOf(def, state.port.now(), ctx);
    const env: ActionEnv = {
      state,
      frame,
      record,
      def,
      ctx,
      evaluate: (value, context = ctx) => evaluateValue(value, context),
      runActions: (actions, inner: Frame) => runActions(state, actions, inner),
      *waitOrTimeout(tasks) {
        if (deadline === undefined) {
          yield { kind: 'tasks', tasks };
          return true;
        }
        timer ??= state.port.createTimer(deadline);
        yield { kind: 'tasks', tasks: [...tasks, timer] };
        return state.port.outcome(timer).state === 'pending' || tasks.some((t) => done(state, t));
      },
    };
    outcome = yield* executorFor(type)(env);
  } catch (error) {
    outcome = failureOf(name, error);
  }
  if (timer !== undefined && state.port.outcome(timer).state === 'pending') state.port.cancelTimer(timer);
  Object.assign(record, outcome);
  record.endTime = state.isoNow();
  if (def.trackedProperties !== undefined) {
    try {
      record.trackedProperties = evaluateValue(def.trackedProperties, ctx);
    } catch {
      // Logic Apps records the action even when a tracked property cannot be evaluated.
    }
  }
  return record;
}

const done = (state: RunState, task: PortTask): boolean => state.port.outcome(task).state !== 'pending';

/** `limit.timeout` may be an expression (`@parameters('timeout')`); Until applies its own. */
function timeoutOf(def: JsonObject, now: number, ctx: EvaluationContext): number | undefined {
  const limit = def.limit;
  if (typeof def.type === 'string' && def.type.toLowerCase() === 'until') return undefined;
  if (limit === null || typeof limit !== 'object' || Array.isArray(limit)) return undefined;
  return typeof limit.timeout === 'string'
    ? now + parseIsoDuration(text(evaluateValue(limit.timeout, ctx)))
    : undefined;
}

function secureData(def: JsonObject): { inputs: boolean; outputs: boolean } {
  const config = def.runtimeConfiguration as { secureData?: { properties?: JsonValue } } | undefined;
  const props = config?.secureData?.properties;
  const list = Array.isArray(props) ? props.map((p) => text(p).toLowerCase()) : [];
  return { inputs: list.includes('inputs'), outputs: list.includes('outputs') };
}

function failureOf(name: string, error: unknown): Outcome {
  if (error instanceof ActionFailure) {
    return failed(
      error.code,
      error.message,
      error.details === undefined ? {} : { outputs: { details: error.details } },
    );
  }
  if (error instanceof ExpressionError) {
    return failed(
      'InvalidTemplate',
      `Unable to process template language expressions in action '${name}' inputs: ${error.message}`,
    );
  }
  throw error;
}
