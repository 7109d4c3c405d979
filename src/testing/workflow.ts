/**
 * `flowline/testing`: load a workflow file, run it in process with mocks and time skipping, and
 * assert on the run. No host, no store, no network unless an action is left unmocked with
 * `unmocked: 'real'`.
 *
 * ```ts
 * const wf = await loadWorkflow('workflows/order-intake.json');
 * const run = await wf.run({ body: order }, { mocks: { Reserve_stock: { statusCode: 409, body: { error: 'sold out' } } } });
 * expect(run.status).toBe('Failed');
 * expect(run.response?.statusCode).toBe(409);
 * ```
 */
import { basename, dirname } from 'node:path';
import { loadWorkflowFile } from '../definition/loader';
import { formatDiagnostic } from '../definition/format';
import { validateAgainstSchema } from '../engine/ops/schema';
import type { RunInput } from '../engine/run-types';
import { isJsonObject, type JsonObject, type JsonValue } from '../expressions/values';
import { Catalog } from '../functions/workflows/catalog';
import { pinCalledWorkflows } from '../functions/workflows/pin';
import type { Mock, Mocks } from './mocks';
import { execute } from './execute';
import type { TestRun } from './run';

export interface LoadOptions {
  /** Parameter values, over the declared defaults and the file's own values. */
  readonly parameters?: JsonObject;
}

export interface TriggerCall {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly queries?: Readonly<Record<string, string>>;
  readonly method?: string;
  /** Values for the trigger's `relativePath` parameters. */
  readonly pathParameters?: Readonly<Record<string, string>>;
}

export interface RunOptions {
  readonly mocks?: Mocks;
  /** The mock of every action that has none in `mocks` (e.g. `{statusCode: 200, body: {}}`). */
  readonly defaultMock?: Mock;
  /** What an action without a mock does: fail at once (default) or call the real service. */
  readonly unmocked?: 'fail' | 'real';
  /** Events raised into the run (webhook callbacks are `webhook:<action>`), after `afterMs` of virtual time. */
  readonly events?: readonly {
    readonly name: string;
    readonly payload: unknown;
    readonly afterMs?: number;
  }[];
  /**
   * `appsetting()` values. Not the process environment, so tests are repeatable; a setting not given
   * reads as the text `appsetting:NAME` (fine for mocked actions; give real values for real calls).
   */
  readonly appSettings?: Readonly<Record<string, string>>;
  /** Virtual start time (ISO); default now. */
  readonly startTime?: string;
  readonly runId?: string;
}

export class TriggerRejected extends Error {}

export interface TestWorkflow {
  readonly name: string;
  readonly definition: JsonObject;
  run(trigger?: TriggerCall, options?: RunOptions): Promise<TestRun>;
}

export async function loadWorkflow(file: string, options: LoadOptions = {}): Promise<TestWorkflow> {
  const loaded = await loadWorkflowFile(file);
  if (loaded.definition === undefined || loaded.errors.length > 0) {
    throw new Error(`${file} has errors:\n${loaded.errors.map(formatDiagnostic).join('\n')}`);
  }
  const definition = loaded.definition as unknown as JsonObject;
  const name = basename(file, '.json') === 'workflow' ? basename(dirname(file)) : basename(file, '.json');
  const catalog = new Catalog(dirname(file));
  const parameters = { ...defaults(definition), ...(options.parameters ?? {}) };
  const entry = { name, file, definition, parameters, errors: [], warnings: [] };
  const workflows = await pinCalledWorkflows(catalog, entry, (e) => ({
    ...e.parameters,
    ...(options.parameters ?? {}),
  }));
  return {
    name,
    definition,
    run: async (call = {}, runOptions = {}) => {
      const [triggerName, trigger] =
        Object.entries(isJsonObject(definition.triggers) ? definition.triggers : {})[0] ?? [];
      const triggerDef = isJsonObject(trigger) ? trigger : {};
      const outputs = triggerOutputs(triggerDef, call);
      const input: RunInput = {
        workflow: name,
        definition,
        workflows,
        parameters,
        trigger: {
          name: triggerName ?? 'manual',
          type: typeof triggerDef.type === 'string' ? triggerDef.type : 'Request',
          startTime: runOptions.startTime ?? new Date().toISOString(),
          outputs,
        },
        callbackBase: 'http://localhost:7071/api',
      };
      return execute(input, runOptions);
    },
  };
}

function triggerOutputs(trigger: JsonObject, call: TriggerCall): JsonObject {
  const inputs = isJsonObject(trigger.inputs) ? trigger.inputs : {};
  const body = (call.body ?? null) as JsonValue;
  if (inputs.schema !== undefined) {
    const violations = validateAgainstSchema(inputs.schema, body);
    if (violations.length > 0) {
      throw new TriggerRejected(
        `The trigger body does not match its schema: ${violations.map((v) => `${v.pointer || '/'} ${v.message}`).join('; ')}`,
      );
    }
  }
  return {
    headers: { 'content-type': 'application/json', ...(call.headers ?? {}) },
    ...(call.queries ? { queries: { ...call.queries } } : {}),
    ...(call.pathParameters ? { relativePathParameters: { ...call.pathParameters } } : {}),
    body,
  };
}

function defaults(definition: JsonObject): JsonObject {
  const out: JsonObject = {};
  const declared = isJsonObject(definition.parameters) ? definition.parameters : {};
  for (const [name, parameter] of Object.entries(declared)) {
    if (isJsonObject(parameter) && parameter.defaultValue !== undefined) out[name] = parameter.defaultValue;
  }
  return out;
}
