import { isJsonObject, type JsonValue } from '../expressions/values';
import type { RunResponse, RunResult, RunStatus } from './run-types';
import { text } from './text';

const STATUSES: readonly RunStatus[] = ['Succeeded', 'Failed', 'Cancelled'];

/** Reads a run result that crossed a serialization boundary (a child run's output). */
export function readRunResult(value: JsonValue): RunResult {
  if (!isJsonObject(value))
    return { status: 'Failed', error: { code: 'InvalidRunResult', message: 'The run returned no result.' } };
  const status = STATUSES.find((s) => s === value.status) ?? 'Failed';
  const error = isJsonObject(value.error)
    ? { code: text(value.error.code ?? 'ActionFailed'), message: text(value.error.message ?? '') }
    : undefined;
  return {
    status,
    ...(error ? { error } : {}),
    ...(isJsonObject(value.response) ? { response: readResponse(value.response) } : {}),
    ...(isJsonObject(value.outputs) ? { outputs: value.outputs } : {}),
  };
}

export function readResponse(value: JsonValue): RunResponse {
  const v = isJsonObject(value) ? value : {};
  const headers: Record<string, string> = {};
  if (isJsonObject(v.headers))
    for (const [key, header] of Object.entries(v.headers)) headers[key] = text(header);
  return { statusCode: typeof v.statusCode === 'number' ? v.statusCode : 200, headers, body: v.body ?? null };
}
