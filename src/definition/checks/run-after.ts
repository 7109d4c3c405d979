/** Every `runAfter` target exists in the same scope; action names are unique in the workflow. */
import { didYouMean } from '../did-you-mean';
import type { Finding } from '../diagnostic';
import { runAfterNames, type WorkflowModel } from '../model';

export function checkRunAfter(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  for (const action of model.actions) {
    const first = seen.get(action.name);
    if (first !== undefined) {
      findings.push({
        severity: 'error',
        path: action.path,
        message: `The action name '${action.name}' is used twice; names must be unique across the whole workflow (first use at ${first}).`,
        hint: 'Rename one of them.',
      });
    } else seen.set(action.name, '/' + action.path.join('/'));
    for (const target of runAfterNames(action)) {
      if (action.scope.actions.has(target)) {
        if (target === action.name)
          findings.push({
            severity: 'error',
            path: [...action.path, 'runAfter', target],
            message: `'${action.name}' runs after itself.`,
          });
        continue;
      }
      const elsewhere = model.byName.get(target);
      const near = didYouMean(
        target,
        [...action.scope.actions.keys()].filter((n) => n !== action.name),
      );
      findings.push({
        severity: 'error',
        path: [...action.path, 'runAfter', target],
        message:
          elsewhere === undefined
            ? `runAfter names '${target}', which does not exist in this scope.`
            : `runAfter names '${target}', which is in another scope; runAfter can only name actions in the same scope.`,
        hint: near === undefined ? undefined : `Did you mean '${near}'?`,
        actual: target,
      });
    }
  }
  return findings;
}
