/** Runs every static check over a schema-valid workflow. Registration only. */
import type { Finding } from '../diagnostic';
import type { WorkflowModel } from '../model';
import { collectExpressions } from './collect';
import { checkConcurrentVariables } from './concurrency';
import { checkConditions } from './conditions';
import { checkCycles } from './cycles';
import { checkFunctions } from './functions';
import { checkLimits } from './limits';
import { checkParameters } from './parameters';
import { checkReferences } from './references';
import { checkRetryPolicies } from './retry-policy';
import { checkRunAfter } from './run-after';
import { checkWorkflowRules } from './workflow-rules';

export function runChecks(model: WorkflowModel): Finding[] {
  const { expressions, findings } = collectExpressions(model);
  return [
    ...checkRunAfter(model),
    ...checkCycles(model),
    ...checkLimits(model),
    ...checkRetryPolicies(model),
    ...checkWorkflowRules(model),
    ...checkConditions(model),
    ...checkParameters(model),
    ...findings,
    ...checkFunctions(expressions),
    ...checkReferences(model, expressions),
    ...checkConcurrentVariables(model),
  ];
}
