/** Warns, as Logic Apps does, when a variable is changed inside a Foreach that runs in parallel. */
import type { Finding } from '../diagnostic';
import { isObject, type ActionNode, type WorkflowModel } from '../model';

const setters = new Set([
  'setvariable',
  'incrementvariable',
  'decrementvariable',
  'appendtoarrayvariable',
  'appendtostringvariable',
]);

export function checkConcurrentVariables(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  for (const action of model.actions) {
    if (!setters.has(action.type)) continue;
    const loop = action.ancestors.find(isParallelForeach);
    if (loop === undefined) continue;
    findings.push({
      severity: 'warning',
      path: [...action.path, 'type'],
      message: `'${action.name}' changes a variable inside Foreach '${loop.name}', whose iterations run in parallel; the result depends on timing.`,
      hint: `Set operationOptions: 'Sequential' (or runtimeConfiguration.concurrency.repetitions: 1) on '${loop.name}', or use Compose/Select per item.`,
    });
  }
  return findings;
}

function isParallelForeach(action: ActionNode): boolean {
  if (action.type !== 'foreach') return false;
  const options = action.value.operationOptions;
  if (typeof options === 'string' && /(^|,)\s*sequential\s*($|,)/i.test(options)) return false;
  const config = action.value.runtimeConfiguration;
  const concurrency =
    isObject(config) && isObject(config.concurrency) ? config.concurrency.repetitions : undefined;
  return concurrency !== 1;
}
