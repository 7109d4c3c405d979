/**
 * The interpreter's entry point: runs a pinned workflow definition through a port and returns the
 * run result. A generator of port tasks, so the Durable adapter can `yield*` it from an orchestrator
 * and a test can drive it with any port.
 *
 * Run status: Terminate decides when it ran; otherwise the run is Failed when a top-level action
 * failed without a handler (see graph.ts), else Succeeded. Workflow `outputs` are evaluated at the
 * end (a failing output expression fails the run).
 */
import { ExpressionError } from '../expressions/errors';
import { isJsonObject, type JsonObject } from '../expressions/values';
import { cancelRunning } from './cancel-running';
import { createContext } from './context';
import { runActions } from './graph';
import { runPartition } from './partition/run';
import type { PortTask, WorkflowPort } from './port';
import { RunState } from './run-state';
import type { RunInput, RunResult } from './run-types';
import { Scheduler } from './scheduler';
import { evaluateValue } from './template-cache';

export interface RunObserver {
  /** Receives the run state before the first action runs (the history replay reads the tree from it). */
  onStart?(state: RunState): void;
}

export function* interpret(
  port: WorkflowPort,
  input: RunInput,
  observer: RunObserver = {},
): Generator<PortTask, RunResult, unknown> {
  const scheduler = new Scheduler(port);
  const state = new RunState(port, scheduler, input);
  observer.onStart?.(state);
  if (input.partition !== undefined) return yield* runPartition(state, input.partition);
  const graph = yield* scheduler.run(runActions(state, input.definition.actions, state.root));
  return finish(state, graph?.status ?? 'Succeeded');
}

function finish(state: RunState, status: 'Succeeded' | 'Failed'): RunResult {
  const response = state.response === undefined ? {} : { response: state.response };
  if (state.terminated !== undefined) {
    cancelRunning(state.root.ordered);
    return { ...state.terminated, ...response };
  }
  if (status === 'Failed') {
    return {
      status,
      error: { code: 'ActionFailed', message: 'An action failed. No dependent actions succeeded.' },
      ...response,
    };
  }
  try {
    const outputs = workflowOutputs(state);
    return { status: 'Succeeded', ...response, ...(outputs ? { outputs } : {}) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return {
      status: 'Failed',
      error: {
        code: 'InvalidTemplate',
        message: `Unable to evaluate the workflow outputs: ${error.message}`,
      },
      ...response,
    };
  }
}

function workflowOutputs(state: RunState): JsonObject | undefined {
  const declared = state.input.definition.outputs;
  if (!isJsonObject(declared)) return undefined;
  const ctx = createContext(state, state.root);
  const out: JsonObject = {};
  for (const [name, output] of Object.entries(declared)) {
    if (isJsonObject(output)) out[name] = evaluateValue(output.value ?? null, ctx);
  }
  return out;
}
