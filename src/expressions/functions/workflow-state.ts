/**
 * Workflow functions over run state other than actions: loop items and indexes, parameters,
 * variables, scope results, the workflow itself, app settings and callback URLs.
 */
import { ExpressionError } from '../errors';
import { argString } from './args';
import type { FunctionDef } from './types';
import { snapshotJson } from './workflow-read';

const workflowFn = (def: Omit<FunctionDef, 'category'>): FunctionDef => ({ ...def, category: 'workflow' });

export const workflowStateFunctions: readonly FunctionDef[] = [
  workflowFn({
    name: 'item',
    minArgs: 0,
    maxArgs: 0,
    summary: 'Returns the current item of the innermost Foreach loop.',
    evaluate: (_args, ctx, call) => {
      const value = ctx.item();
      if (value === undefined)
        throw new ExpressionError(
          "The template language function 'item' can only be used inside a 'Foreach' loop.",
          call.span,
        );
      return value;
    },
  }),
  workflowFn({
    name: 'items',
    minArgs: 1,
    maxArgs: 1,
    references: 'loop',
    summary: 'Returns the current item of the named Foreach loop.',
    evaluate: (args, ctx, call) => {
      const name = argString(call, args, 0);
      const value = ctx.item(name);
      if (value === undefined)
        throw new ExpressionError(
          `The template language function 'items' was given '${name}', which is not a 'Foreach' loop that encloses this action.`,
          call.args[0]?.span ?? call.span,
        );
      return value;
    },
  }),
  workflowFn({
    name: 'iterationIndexes',
    minArgs: 1,
    maxArgs: 1,
    references: 'untilLoop',
    summary: 'Returns the zero-based index of the current iteration of the named Until loop.',
    evaluate: (args, ctx, call) => {
      const name = argString(call, args, 0);
      const value = ctx.iterationIndex(name);
      if (value === undefined)
        throw new ExpressionError(
          `The template language function 'iterationIndexes' was given '${name}', which is not an 'Until' loop that encloses this action.`,
          call.args[0]?.span ?? call.span,
        );
      return value;
    },
  }),
  workflowFn({
    name: 'listCallbackUrl',
    minArgs: 0,
    maxArgs: 0,
    summary: 'Returns the callback URL of the current webhook trigger or action.',
    evaluate: (_args, ctx, call) => {
      const url = ctx.callbackUrl?.();
      if (url === undefined)
        throw new ExpressionError(
          "The template language function 'listCallbackUrl' can only be used in an HttpWebhook or ApiConnectionWebhook trigger or action.",
          call.span,
        );
      return url;
    },
  }),
  workflowFn({
    name: 'parameters',
    minArgs: 1,
    maxArgs: 1,
    references: 'parameter',
    summary: 'Returns the value of a workflow parameter.',
    evaluate: (args, ctx, call) => {
      const name = argString(call, args, 0);
      const value = ctx.parameter(name);
      if (value === undefined)
        throw new ExpressionError(
          `The workflow parameter '${name}' is not found.`,
          call.args[0]?.span ?? call.span,
          `Declare '${name}' under the definition's "parameters".`,
        );
      return value;
    },
  }),
  workflowFn({
    name: 'variables',
    minArgs: 1,
    maxArgs: 1,
    references: 'variable',
    summary: 'Returns the value of a variable.',
    evaluate: (args, ctx, call) => {
      const name = argString(call, args, 0);
      const value = ctx.variable(name);
      if (value === undefined)
        throw new ExpressionError(
          `The variable '${name}' is not initialized.`,
          call.args[0]?.span ?? call.span,
          `Add an 'Initialize variable' action for '${name}' at the top level of the workflow, before this action.`,
        );
      return value;
    },
  }),
  workflowFn({
    name: 'result',
    minArgs: 1,
    maxArgs: 1,
    references: 'scope',
    summary: 'Returns the snapshots of the top-level actions inside a Scope, Foreach, Until, If or Switch.',
    evaluate: (args, ctx, call) => {
      const name = argString(call, args, 0);
      const results = ctx.result(name);
      if (results === undefined)
        throw new ExpressionError(
          `The template language function 'result' was given '${name}', which is not a scoped action (Scope, Foreach, Until, If, Switch) that has run.`,
          call.args[0]?.span ?? call.span,
        );
      return results.map(snapshotJson);
    },
  }),
  workflowFn({
    name: 'workflow',
    minArgs: 0,
    maxArgs: 0,
    summary: 'Returns details of the workflow and the current run: id, name, type, location, run.',
    evaluate: (_args, ctx) => ctx.workflow(),
  }),
  workflowFn({
    name: 'appsetting',
    minArgs: 1,
    maxArgs: 1,
    summary: 'Returns the value of an app setting (Flowline; Logic Apps Standard has the same function).',
    evaluate: (args, ctx, call) => {
      const name = argString(call, args, 0);
      const value = ctx.appSetting(name);
      if (value === undefined)
        throw new ExpressionError(
          `The app setting '${name}' is not found.`,
          call.args[0]?.span ?? call.span,
          `Set '${name}' in local.settings.json (Values) or in the Function App's configuration.`,
        );
      return value;
    },
  }),
];
