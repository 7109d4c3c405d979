/**
 * Builds the input of a new run: the definition as it is now, the workflows it calls (pinned too),
 * and parameter values resolved at start (declared defaults, the file's values, `parameters.json`,
 * then `@appsetting()` references).
 */
import type { JsonObject, JsonValue } from '../../expressions/values';
import type { RunInput } from '../../engine/run-types';
import type { CatalogEntry } from '../workflows/catalog';
import { readParametersFile, resolveAppSettings } from '../workflows/parameters';
import { pinCalledWorkflows } from '../workflows/pin';
import { catalog } from '../api/shared';

export interface TriggerEvent {
  readonly name: string;
  readonly type: string;
  readonly outputs: JsonValue;
  readonly inputs?: JsonValue;
}

export async function parametersResolver(): Promise<(entry: CatalogEntry) => JsonObject> {
  const fileParameters = await readParametersFile(catalog().dir);
  return (e) => resolveAppSettings({ ...e.parameters, ...fileParameters }) as JsonObject;
}

export async function newRunInput(
  entry: CatalogEntry,
  definition: JsonObject,
  trigger: TriggerEvent,
  callbackBase: string | undefined,
  parametersOf: (entry: CatalogEntry) => JsonObject,
): Promise<RunInput> {
  return {
    workflow: entry.name,
    definition,
    workflows: await pinCalledWorkflows(catalog(), entry, parametersOf),
    parameters: parametersOf(entry),
    trigger: {
      name: trigger.name,
      type: trigger.type,
      startTime: new Date().toISOString(),
      outputs: trigger.outputs,
      ...(trigger.inputs === undefined ? {} : { inputs: trigger.inputs }),
    },
    ...(callbackBase === undefined ? {} : { callbackBase }),
  };
}
