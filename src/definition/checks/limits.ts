/** WDL limits: 500 actions per workflow, nesting depth 8; InitializeVariable at top level only. */
import type { Finding } from '../diagnostic';
import type { WorkflowModel } from '../model';

export const MAX_ACTIONS = 500;
export const MAX_NESTING_DEPTH = 8;

export function checkLimits(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  if (model.actions.length > MAX_ACTIONS) {
    findings.push({
      severity: 'error',
      path: [...model.base, 'actions'],
      message: `The workflow has ${model.actions.length} actions; the limit is ${MAX_ACTIONS}.`,
      expected: `<= ${MAX_ACTIONS}`,
      actual: String(model.actions.length),
      hint: 'Move part of the work into a child workflow (a Workflow action).',
    });
  }
  for (const action of model.actions) {
    const depth = action.ancestors.length;
    if (depth === MAX_NESTING_DEPTH) {
      findings.push({
        severity: 'error',
        path: action.path,
        message: `'${action.name}' is nested ${depth + 1} levels deep; the limit is ${MAX_NESTING_DEPTH}.`,
        expected: `<= ${MAX_NESTING_DEPTH}`,
        actual: String(depth + 1),
        hint: 'Move the inner part into a child workflow.',
      });
    }
    if (action.type === 'initializevariable' && depth > 0) {
      findings.push({
        severity: 'error',
        path: [...action.path, 'type'],
        message: `InitializeVariable '${action.name}' is inside '${action.ancestors.at(-1)?.name ?? ''}'; variables can only be initialized at the top level of the workflow.`,
        hint: 'Move it to the top level and use SetVariable inside.',
      });
    }
  }
  return findings;
}
