/** The runAfter graph of each scope has no cycle; the error names the cycle. */
import type { Finding } from '../diagnostic';
import { runAfterNames, type ActionNode, type WorkflowModel } from '../model';

export function checkCycles(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  for (const scope of model.scopes) {
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const reported = new Set<string>();
    const visit = (node: ActionNode): void => {
      state.set(node.name, 'open');
      stack.push(node.name);
      for (const target of runAfterNames(node)) {
        const next = scope.actions.get(target);
        if (next === undefined || target === node.name) continue;
        const s = state.get(target);
        if (s === 'open') {
          const cycle = [...stack.slice(stack.indexOf(target)), target];
          const key = [...cycle].sort().join('|');
          if (!reported.has(key)) {
            reported.add(key);
            findings.push({
              severity: 'error',
              path: [...node.path, 'runAfter', target],
              message: `The runAfter graph has a cycle: ${cycle.join(' -> ')}.`,
              hint: 'Remove one of these runAfter entries.',
            });
          }
        } else if (s === undefined) visit(next);
      }
      stack.pop();
      state.set(node.name, 'done');
    };
    for (const node of scope.actions.values()) if (!state.has(node.name)) visit(node);
  }
  return findings;
}
