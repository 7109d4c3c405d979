/**
 * Builds the input of a new run: the definition as it is now, the workflows it calls (pinned too),
 * and parameter values resolved at start (declared defaults, the file's values, `parameters.json`,
 * then `@appsetting()` references).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../expressions/values';
import {
  FOREACH_PARTITION_SETTING,
  readPartitionSize,
  UNTIL_PARTITION_SETTING,
} from '../../engine/partition/size';
import type { RunInput } from '../../engine/run-types';
import type { CatalogEntry } from '../workflows/catalog';
import { isSecureType, readParametersFile, resolveParameters } from '../workflows/parameters';
import { pinCalledWorkflows } from '../workflows/pin';
import { telemetryOn } from '../../telemetry/exporter';
import { catalog } from '../api/shared';

export interface TriggerEvent {
  readonly name: string;
  readonly type: string;
  readonly outputs: JsonValue;
  readonly inputs?: JsonValue;
}

export async function parametersResolver(): Promise<(entry: CatalogEntry) => JsonObject> {
  const file = await readParametersFile(catalog().dir);
  return (e) => {
    const declared = isJsonObject(e.definition?.parameters) ? e.definition.parameters : {};
    const secure = (name: string): boolean => {
      const parameter = declared[name];
      return file.secure.has(name) || (isJsonObject(parameter) && isSecureType(parameter.type));
    };
    return resolveParameters({ ...e.parameters, ...file.values }, secure);
  };
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
    // Decided once, at start, so the orchestrator replays the same choice.
    ...(telemetryOn() ? { telemetry: true } : {}),
    ...pinnedPartitionSize(),
  };
}

/** Partition sizes of long loops, pinned so a changed setting never changes the replay of a run. */
function pinnedPartitionSize(): { foreachPartition?: number; untilPartition?: number } {
  const foreach = readPartitionSize(process.env[FOREACH_PARTITION_SETTING]);
  const until = readPartitionSize(process.env[UNTIL_PARTITION_SETTING]);
  return {
    ...(foreach === undefined ? {} : { foreachPartition: foreach }),
    ...(until === undefined ? {} : { untilPartition: until }),
  };
}
