/**
 * Names passed to workflow functions exist and are in scope, by Logic Apps' rules:
 * - `body/outputs/actions('X')`: X runs before the caller: a transitive runAfter predecessor
 *   of the action or of one of its enclosing containers (or inside such a predecessor); a
 *   container's own fields (an Until's condition) may also name its own descendants;
 * - `result('X')`: X is such an action and a Scope, Foreach, Until, If or Switch;
 * - `variables('v')`: an InitializeVariable at the top level declares v;
 * - `parameters('p')`: `definition.parameters` declares p (a warning only for Logic Apps
 *   Standard files, whose parameters may come from parameters.json);
 * - `items('L')`: L is an enclosing Foreach; `iterationIndexes('L')`: an enclosing Until.
 */
import { lookupFunction } from '../../expressions/functions/index';
import type { ReferenceKind } from '../../expressions/functions/types';
import { didYouMean } from '../did-you-mean';
import type { Finding } from '../diagnostic';
import { descendants, isObject, runAfterNames, type ActionNode, type WorkflowModel } from '../model';
import { calls, type ParsedExpression } from './collect';

/** WDL's workflow functions, for when the function library does not (yet) declare `references`. */
const builtInReferences: Readonly<Record<string, ReferenceKind>> = {
  body: 'action',
  outputs: 'action',
  actions: 'action',
  actionbody: 'action',
  actionoutputs: 'action',
  result: 'scope',
  variables: 'variable',
  parameters: 'parameter',
  items: 'loop',
  iterationindexes: 'untilLoop',
};

const containers = new Set(['scope', 'foreach', 'until', 'if', 'switch']);

export function checkReferences(model: WorkflowModel, expressions: readonly ParsedExpression[]): Finding[] {
  const findings: Finding[] = [];
  const variables = declaredVariables(model);
  const parameters = isObject(model.definition.parameters) ? Object.keys(model.definition.parameters) : [];
  const reachableCache = new Map<ActionNode, Set<string>>();
  for (const e of expressions) {
    for (const call of calls(e.template)) {
      const kind = lookupFunction(call.name)?.references ?? builtInReferences[call.name.toLowerCase()];
      const arg = call.args[0];
      if (kind === undefined || arg?.kind !== 'string') continue;
      const name = arg.value;
      const at = { path: e.path, position: arg.span.start, expression: e.text, actual: name };
      const report = (
        message: string,
        candidates: Iterable<string>,
        severity: 'error' | 'warning' = 'error',
      ): void => {
        const near = didYouMean(name, candidates);
        findings.push({
          severity,
          ...at,
          message,
          hint: near === undefined ? undefined : `Did you mean '${near}'?`,
        });
      };
      const fn = call.name;
      if (kind === 'variable') {
        if (!variables.has(name))
          report(
            `${fn}('${name}') names a variable that no top-level InitializeVariable declares.`,
            variables,
          );
      } else if (kind === 'parameter') {
        if (!parameters.includes(name)) {
          if (model.standard)
            report(
              `${fn}('${name}') names a parameter not declared in definition.parameters; it must come from parameters.json.`,
              parameters,
              'warning',
            );
          else
            report(
              `${fn}('${name}') names a parameter that definition.parameters does not declare.`,
              parameters,
            );
        }
      } else if (kind === 'loop' || kind === 'untilLoop') {
        const want = kind === 'loop' ? 'foreach' : 'until';
        const enclosing = (e.action === undefined ? [] : [...e.action.ancestors, e.action]).filter(
          (a) => a.type === want && (a !== e.action || kind === 'untilLoop'),
        );
        if (!enclosing.some((a) => a.name === name)) {
          report(
            `${fn}('${name}') must name an enclosing ${want === 'foreach' ? 'Foreach' : 'Until'} loop${enclosing.length === 0 ? ', and this expression is inside none' : ''}.`,
            enclosing.map((a) => a.name),
          );
        }
      } else {
        const target = model.byName.get(name);
        if (target === undefined) {
          report(`${fn}('${name}') names an action that does not exist.`, model.byName.keys());
          continue;
        }
        if (kind === 'scope' && !containers.has(target.type)) {
          report(
            `${fn}('${name}') must name a Scope, Foreach, Until, If or Switch; '${name}' is a ${String(target.value.type)}.`,
            [],
          );
          continue;
        }
        if (e.where === 'trigger') {
          report(`A trigger cannot refer to action '${name}': actions run after the trigger.`, []);
        } else if (e.action !== undefined) {
          let reachable = reachableCache.get(e.action);
          if (reachable === undefined) {
            reachable = reachableFrom(model, e.action);
            reachableCache.set(e.action, reachable);
          }
          if (!reachable.has(name)) {
            findings.push({
              severity: 'error',
              ...at,
              message: `${fn}('${name}') refers to an action that does not run before '${e.action.name}'.`,
              hint: `Add '${name}' (or an action after it) to runAfter of '${e.action.name}' or of its enclosing scope.`,
            });
          }
        }
      }
    }
  }
  return findings;
}

/** Names of actions whose results exist when `action` runs. */
function reachableFrom(model: WorkflowModel, action: ActionNode): Set<string> {
  const names = new Set<string>();
  // Only an Until's own condition runs after its body, so only it may name actions inside it.
  if (action.type === 'until') for (const a of descendants(model, action)) names.add(a.name);
  for (const node of [action, ...action.ancestors]) {
    const queue = runAfterNames(node);
    while (queue.length > 0) {
      const name = queue.pop();
      if (name === undefined || names.has(name)) continue;
      const pred = node.scope.actions.get(name);
      if (pred === undefined) continue;
      names.add(name);
      for (const d of descendants(model, pred)) names.add(d.name);
      queue.push(...runAfterNames(pred));
    }
  }
  return names;
}

function declaredVariables(model: WorkflowModel): Set<string> {
  const names = new Set<string>();
  for (const action of model.actions) {
    if (action.type !== 'initializevariable' || action.ancestors.length > 0) continue;
    const inputs = action.value.inputs;
    if (!isObject(inputs) || !Array.isArray(inputs.variables)) continue;
    for (const v of inputs.variables) if (isObject(v) && typeof v.name === 'string') names.add(v.name);
  }
  return names;
}
