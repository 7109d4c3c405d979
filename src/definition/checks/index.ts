/** Runs every static check over a schema-valid workflow. Registration only. */
import type { Finding } from '../diagnostic';
import type { WorkflowModel } from '../model';
import { collectExpressions } from './collect';
import { checkConcurrentVariables } from './concurrency';
import { checkCycles } from './cycles';
import { checkFunctions } from './functions';
import { checkLimits } from './limits';
import { checkReferences } from './references';
import { checkRunAfter } from './run-after';

export function runChecks(model: WorkflowModel): Finding[] {
  const { expressions, findings } = collectExpressions(model);
  return [
    ...checkRunAfter(model),
    ...checkCycles(model),
    ...checkLimits(model),
    ...findings,
    ...checkFunctions(expressions),
    ...checkReferences(model, expressions),
    ...checkConcurrentVariables(model),
  ];
}
