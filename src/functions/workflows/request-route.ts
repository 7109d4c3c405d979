/**
 * Where the workflow API serves a Request trigger: its method and its path under the route prefix
 * (`/workflows/{name}/triggers/{trigger}/invoke[/{relativePath}]`). Used by everything that names the
 * route (the start banner, OpenAPI, API Management), so they cannot drift from `workflow-invoke`.
 */
import { isJsonObject, type JsonObject } from '../../expressions/values';
import { text } from '../../engine/text';

export interface RequestRoute {
  /** Upper case; POST unless the trigger declares a method. */
  readonly method: string;
  /** The trigger's relativePath without leading slashes; '' when it has none. */
  readonly relativePath: string;
  /** Below the route prefix (`/api`). */
  readonly path: string;
  readonly inputs: JsonObject;
}

/** The route of a Request trigger, or undefined for any other kind of trigger. */
export function requestRoute(workflow: string, name: string, trigger: JsonObject): RequestRoute | undefined {
  if (text(trigger.type).toLowerCase() !== 'request') return undefined;
  const inputs = isJsonObject(trigger.inputs) ? trigger.inputs : {};
  const relativePath = typeof inputs.relativePath === 'string' ? inputs.relativePath.replace(/^\/+/, '') : '';
  return {
    method: (typeof inputs.method === 'string' ? inputs.method : 'POST').toUpperCase(),
    relativePath,
    path: `/workflows/${workflow}/triggers/${name}/invoke${relativePath === '' ? '' : `/${relativePath}`}`,
    inputs,
  };
}
