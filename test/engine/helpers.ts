/** Small builders for engine tests: run inputs, record lookups and scripted connector answers. */
import { isRetryableStatus } from '../../src/engine/policy/retry';
import type { ActionRecord, RunInput } from '../../src/engine/run-types';
import type { JsonObject, JsonValue } from '../../src/expressions/values';
import { type Reply, type RunOptions, type RunOutcome, runWorkflow, START } from './memory-port';

/** A run input whose definition has these top-level actions (and optional extras such as outputs). */
export function inputOf(
  actions: JsonObject,
  definition: JsonObject = {},
  extra: Partial<RunInput> = {},
): RunInput {
  return {
    workflow: 'test',
    definition: { triggers: { manual: { type: 'Request', kind: 'Http' } }, actions, ...definition },
    trigger: {
      name: 'manual',
      type: 'Request',
      startTime: new Date(START).toISOString(),
      outputs: { body: null },
    },
    ...extra,
  };
}

export const run = (actions: JsonObject, options: RunOptions = {}): RunOutcome =>
  runWorkflow(inputOf(actions), options);

/** The record of `name` anywhere in the tree (branches, scopes, the last iteration of a loop). */
export function find(records: readonly ActionRecord[], name: string): ActionRecord {
  const hit = search(records, name);
  if (hit === undefined) throw new Error(`no action '${name}' was recorded`);
  return hit;
}

function search(records: readonly ActionRecord[], name: string): ActionRecord | undefined {
  for (const record of records) {
    if (record.name === name) return record;
    for (const list of [record.children ?? [], ...(record.iterations ?? []).toReversed()]) {
      const hit = search(list, name);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** The status of each named action, or 'absent' when it was never recorded. */
export const statusesOf = (outcome: RunOutcome, names: readonly string[]): string[] =>
  names.map((name) => search(outcome.actions, name)?.status ?? 'absent');

/** The error object of an action record as `{code, message}`. */
export function errorOf(record: ActionRecord): { code: string; message: string } {
  const error = record.error as { code?: unknown; message?: unknown } | undefined;
  return { code: String(error?.code), message: String(error?.message) };
}

/** A connector answer classified as the Http connector does it: 2xx ok; 408, 429 and 5xx retryable. */
export function http(
  statusCode: number,
  extra: { readonly afterMs?: number; readonly retryAfterMs?: number; readonly body?: JsonValue } = {},
): Reply {
  const ok = statusCode >= 200 && statusCode < 300;
  const outputs = { statusCode, headers: {}, body: extra.body ?? null };
  const retryable = isRetryableStatus(statusCode);
  const error = {
    code: `Status${statusCode}`,
    message: `The request failed with status code ${statusCode}.`,
  };
  const value: JsonObject = ok ? { ok, outputs } : { ok, retryable, outputs, error };
  if (extra.retryAfterMs !== undefined) value.retryAfterMs = extra.retryAfterMs;
  return { value, afterMs: extra.afterMs ?? 0 };
}

/** An Http action; the handler tells calls apart by `uri`. */
export const httpAction = (uri: string, more: JsonObject = {}): JsonObject => ({
  type: 'Http',
  inputs: { method: 'GET', uri },
  ...more,
});

export const compose = (inputs: JsonValue, runAfter?: JsonObject): JsonObject => ({
  type: 'Compose',
  inputs,
  ...(runAfter ? { runAfter } : {}),
});

/** The `uri` of an Http activity call. */
export const uriOf = (input: JsonValue): string =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && typeof input.uri === 'string'
    ? input.uri
    : '';

/** Milliseconds after START. */
export const at = (ms: number): number => START + ms;
