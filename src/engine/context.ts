/**
 * The evaluation context the engine gives expressions: replay-safe time and GUIDs from the port,
 * actions and loop items from the frame chain, variables and parameters from the run state.
 */
import type { ActionSnapshot, EvaluationContext } from '../expressions/context';
import type { JsonValue } from '../expressions/values';
import type { Frame } from './frame';
import type { ActionRecord } from './run-types';
import type { RunState } from './run-state';

export interface ContextExtras {
  /** The action whose expressions are evaluated (for `action()`). */
  readonly current?: ActionRecord;
  /** `listCallbackUrl()` inside a webhook subscription. */
  readonly callbackUrl?: string;
}

export function snapshotOf(record: ActionRecord): ActionSnapshot {
  const { name, type, status, inputs, outputs, startTime, endTime, code, error, trackedProperties } = record;
  return { name, type, status, inputs, outputs, startTime, endTime, code, error, trackedProperties };
}

export function createContext(state: RunState, frame: Frame, extras: ContextExtras = {}): EvaluationContext {
  const { input, port } = state;
  return {
    now: () => port.now(),
    newGuid: () => port.newGuid(),
    random: () => state.random(),
    parameter: (name) =>
      input.parameters && Object.hasOwn(input.parameters, name) ? input.parameters[name] : undefined,
    variable: (name) => state.variables.get(name.toLowerCase())?.value,
    action: (name) => {
      const record = frame.find(name);
      return record === undefined ? undefined : snapshotOf(record);
    },
    trigger: () => ({
      name: input.trigger.name,
      type: input.trigger.type,
      status: 'Succeeded',
      inputs: input.trigger.inputs,
      outputs: input.trigger.outputs,
      startTime: input.trigger.startTime,
      endTime: input.trigger.startTime,
    }),
    item: (loopName) => frame.findLoop(loopName)?.item,
    iterationIndex: (loopName) => frame.findLoop(loopName)?.index,
    result: (scopeName) => {
      const record = frame.find(scopeName);
      if (record === undefined) return undefined;
      const children = record.children ?? record.iterations?.flat() ?? [];
      return children.map(snapshotOf);
    },
    workflow: () => workflowObject(state),
    appSetting: (name) => port.appSetting(name),
    callbackUrl: () => extras.callbackUrl,
    currentAction: () => (extras.current === undefined ? undefined : snapshotOf(extras.current)),
  };
}

function workflowObject(state: RunState): JsonValue {
  const name = state.input.workflow;
  // A partition of a large loop reports the run it belongs to.
  const runId = state.input.partition?.rootRunId ?? state.port.runId;
  return {
    id: `/workflows/${name}`,
    name,
    type: 'Microsoft.Logic/workflows',
    run: { id: `/workflows/${name}/runs/${runId}`, name: runId, type: 'Microsoft.Logic/workflows/runs' },
  };
}
