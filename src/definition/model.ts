/**
 * The shape of a loaded workflow that the static checks walk: every action with its scope
 * (the action map it lives in), its enclosing containers and its JSON path.
 */
import type { JsonPath } from './diagnostic';
import { nestedActionMaps } from './structure';

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ActionNode {
  readonly name: string;
  /** Lower-case type name. */
  readonly type: string;
  readonly value: Json;
  readonly path: JsonPath;
  readonly scope: ScopeNode;
  /** Enclosing container actions, outermost first. */
  readonly ancestors: readonly ActionNode[];
}

export interface ScopeNode {
  readonly path: JsonPath;
  /** The container action owning this map; undefined for the top level. */
  readonly owner: ActionNode | undefined;
  readonly actions: Map<string, ActionNode>;
}

export interface WorkflowModel {
  readonly definition: Json;
  readonly base: JsonPath;
  readonly scopes: readonly ScopeNode[];
  readonly actions: readonly ActionNode[];
  /** First action of each name (names are unique across a workflow). */
  readonly byName: ReadonlyMap<string, ActionNode>;
  /** True for a Logic Apps Standard file, whose parameters come from parameters.json. */
  readonly standard: boolean;
}

export function buildModel(definition: Json, base: JsonPath, standard: boolean): WorkflowModel {
  const scopes: ScopeNode[] = [];
  const actions: ActionNode[] = [];
  const byName = new Map<string, ActionNode>();
  const visit = (
    map: Json,
    path: JsonPath,
    owner: ActionNode | undefined,
    ancestors: readonly ActionNode[],
  ): void => {
    const scope: ScopeNode = { path, owner, actions: new Map() };
    scopes.push(scope);
    for (const [name, value] of Object.entries(map)) {
      if (!isObject(value)) continue;
      const type = typeof value.type === 'string' ? value.type.toLowerCase() : '';
      const node: ActionNode = { name, type, value, path: [...path, name], scope, ancestors };
      scope.actions.set(name, node);
      actions.push(node);
      if (!byName.has(name)) byName.set(name, node);
      for (const [nested, nestedPath] of nestedActionMaps(value, node.path)) {
        visit(nested, nestedPath, node, [...ancestors, node]);
      }
    }
  };
  visit(isObject(definition.actions) ? definition.actions : {}, [...base, 'actions'], undefined, []);
  return { definition, base, scopes, actions, byName, standard };
}

/** Names in `action.runAfter` (only the keys; statuses are schema-checked). */
export function runAfterNames(action: ActionNode): string[] {
  return isObject(action.value.runAfter) ? Object.keys(action.value.runAfter) : [];
}

const descendantCache = new WeakMap<WorkflowModel, Map<ActionNode, ActionNode[]>>();

/** Every descendant action of a container, at any depth (computed once per model). */
export function descendants(model: WorkflowModel, container: ActionNode): readonly ActionNode[] {
  let byContainer = descendantCache.get(model);
  if (byContainer === undefined) {
    byContainer = new Map();
    for (const action of model.actions) {
      for (const ancestor of action.ancestors) {
        const list = byContainer.get(ancestor) ?? [];
        list.push(action);
        byContainer.set(ancestor, list);
      }
    }
    descendantCache.set(model, byContainer);
  }
  return byContainer.get(container) ?? [];
}
