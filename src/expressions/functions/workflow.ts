/**
 * Workflow functions: they read the run (actions, trigger, loops, parameters, variables) through
 * the `EvaluationContext`. Reference functions declare what their first argument names, so the
 * static checker can verify `body('X')`, `variables('v')`, `items('loop')`... before a run.
 */
import { ExpressionError } from '../errors';
import { workflowFormFunctions } from './workflow-form';
import { workflowStateFunctions } from './workflow-state';
import { bodyOf, namedAction, outputsOf, snapshotJson, theTrigger } from './workflow-read';
import type { FunctionDef } from './types';

const actionBody: FunctionDef['evaluate'] = (args, ctx, call) => bodyOf(call, namedAction(call, args, ctx));
const actionOutputs: FunctionDef['evaluate'] = (args, ctx, call) =>
  outputsOf(call, namedAction(call, args, ctx));

function workflowFn(def: Omit<FunctionDef, 'category'>): FunctionDef {
  return { ...def, category: 'workflow' };
}

export const workflowFunctions: readonly FunctionDef[] = [
  workflowFn({
    name: 'action',
    minArgs: 0,
    maxArgs: 0,
    summary: "Returns the current action's snapshot (in trackedProperties, Until conditions and retries).",
    evaluate: (_args, ctx, call) => {
      const current = ctx.currentAction?.();
      if (current === undefined)
        throw new ExpressionError(
          "The template language function 'action' can only be used inside an action's trackedProperties, an Until loop's condition or a retry policy.",
          call.span,
          "Use actions('<name>') to read another action.",
        );
      return snapshotJson(current);
    },
  }),
  workflowFn({
    name: 'actions',
    minArgs: 1,
    maxArgs: 1,
    references: 'action',
    summary:
      "Returns an action's snapshot: name, inputs, outputs, status, code, startTime, endTime, error...",
    evaluate: (args, ctx, call) => snapshotJson(namedAction(call, args, ctx)),
  }),
  workflowFn({
    name: 'body',
    minArgs: 1,
    maxArgs: 1,
    references: 'action',
    summary: "Returns an action's body output.",
    evaluate: actionBody,
  }),
  workflowFn({
    name: 'actionBody',
    minArgs: 1,
    maxArgs: 1,
    references: 'action',
    summary: "Returns an action's body output (same as body).",
    evaluate: actionBody,
  }),
  workflowFn({
    name: 'outputs',
    minArgs: 1,
    maxArgs: 1,
    references: 'action',
    summary: "Returns an action's outputs.",
    evaluate: actionOutputs,
  }),
  workflowFn({
    name: 'actionOutputs',
    minArgs: 1,
    maxArgs: 1,
    references: 'action',
    summary: "Returns an action's outputs (same as outputs).",
    evaluate: actionOutputs,
  }),
  workflowFn({
    name: 'trigger',
    minArgs: 0,
    maxArgs: 0,
    summary: "Returns the trigger's snapshot: name, inputs, outputs, status, startTime, endTime...",
    evaluate: (_args, ctx, call) => snapshotJson(theTrigger(call, ctx)),
  }),
  workflowFn({
    name: 'triggerBody',
    minArgs: 0,
    maxArgs: 0,
    summary: "Returns the trigger's body output (trigger().outputs.body).",
    evaluate: (_args, ctx, call) => bodyOf(call, theTrigger(call, ctx)),
  }),
  workflowFn({
    name: 'triggerOutputs',
    minArgs: 0,
    maxArgs: 0,
    summary: "Returns the trigger's outputs (trigger().outputs).",
    evaluate: (_args, ctx, call) => outputsOf(call, theTrigger(call, ctx)),
  }),
  ...workflowFormFunctions,
  ...workflowStateFunctions,
];
