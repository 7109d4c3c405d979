/**
 * Rules Logic Apps applies when it saves a workflow: a Response action needs a Request
 * trigger; Switch case values are unique; a static result named by an action is defined.
 */
import type { Finding } from '../diagnostic';
import { isObject, type WorkflowModel } from '../model';

export function checkWorkflowRules(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  const triggers = isObject(model.definition.triggers) ? Object.values(model.definition.triggers) : [];
  const hasRequest = triggers.some(
    (t) => isObject(t) && typeof t.type === 'string' && t.type.toLowerCase() === 'request',
  );
  const staticResults = isObject(model.definition.staticResults) ? model.definition.staticResults : {};
  for (const action of model.actions) {
    if (action.type === 'response' && !hasRequest) {
      findings.push({
        severity: 'error',
        path: [...action.path, 'type'],
        message: `Response action '${action.name}' needs a Request trigger: only an HTTP request can receive its answer.`,
        hint: "Use a 'Request' trigger, or remove the Response action.",
      });
    }
    if (action.type === 'switch' && isObject(action.value.cases)) {
      const seen = new Map<string, string>();
      for (const [name, branch] of Object.entries(action.value.cases)) {
        if (!isObject(branch) || (typeof branch.case !== 'string' && typeof branch.case !== 'number'))
          continue;
        const key = JSON.stringify(branch.case);
        const first = seen.get(key);
        if (first !== undefined)
          findings.push({
            severity: 'error',
            path: [...action.path, 'cases', name, 'case'],
            message: `Switch '${action.name}' has the case value ${key} twice ('${first}' and '${name}').`,
          });
        else seen.set(key, name);
      }
    }
    const config = action.value.runtimeConfiguration;
    const staticResult =
      isObject(config) && isObject(config.staticResult) ? config.staticResult.name : undefined;
    if (typeof staticResult === 'string' && !Object.hasOwn(staticResults, staticResult)) {
      findings.push({
        severity: 'error',
        path: [...action.path, 'runtimeConfiguration', 'staticResult', 'name'],
        message: `Static result '${staticResult}' is not defined in definition.staticResults.`,
      });
    }
  }
  return findings;
}
