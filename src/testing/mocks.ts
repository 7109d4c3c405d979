/**
 * Mocks for the test harness, by action name: one result, a sequence (one per call: retries,
 * iterations and repeated calls each take the next; the last one repeats), or a function of the call
 * (the action's evaluated inputs, its loop position and the attempt number).
 */
import { httpReason } from '../connectors/http/reason';
import type { ActivityCallInfo } from '../engine/port';
import { HTTP_ACTIVITY } from '../engine/activities';
import { isRetryableStatus } from '../engine/policy/retry';
import type { JsonValue } from '../expressions/values';

export interface MockResult {
  /** HTTP-like answers (Http, HttpWebhook subscribe, Soap): status code, headers and body. */
  readonly statusCode?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Other connectors: the whole outputs (default `{body}`) and whether the call succeeded. */
  readonly outputs?: unknown;
  readonly status?: 'Succeeded' | 'Failed';
  readonly error?: { readonly code: string; readonly message: string };
  /** Whether the engine may retry a failure; by default 408, 429 and 5xx are retryable. */
  readonly retryable?: boolean;
  /** Virtual time the call takes. */
  readonly delayMs?: number;
}

export interface MockCall extends ActivityCallInfo {
  readonly activity: string;
  readonly inputs: JsonValue;
  /** How many calls this action received before this one. */
  readonly index: number;
}

export type Mock =
  MockResult | readonly MockResult[] | ((call: MockCall) => MockResult | Promise<MockResult>);

export type Mocks = Readonly<Record<string, Mock>>;

export async function mockResult(mock: Mock, call: MockCall): Promise<MockResult> {
  if (typeof mock === 'function') return mock(call);
  if (Array.isArray(mock)) {
    const list = mock as readonly MockResult[];
    const picked = list[Math.min(call.index, list.length - 1)];
    if (picked === undefined) throw new Error(`The mock for '${call.action}' is an empty list.`);
    return picked;
  }
  return mock as MockResult;
}

/** The value the connector activity would have returned (see engine/activities.ts). */
export function connectorResult(activity: string, result: MockResult): JsonValue {
  if (activity === HTTP_ACTIVITY || result.statusCode !== undefined) {
    const statusCode = result.statusCode ?? 200;
    const outputs = {
      statusCode,
      headers: { ...(result.headers ?? {}) },
      body: (result.body ?? null) as JsonValue,
    };
    const ok = result.error === undefined && statusCode >= 200 && statusCode < 300;
    if (ok) return { ok: true, outputs };
    return {
      ok: false,
      retryable: result.retryable ?? isRetryableStatus(statusCode),
      outputs,
      error: result.error ?? {
        code: httpReason(statusCode),
        message: `The HTTP request failed with status code ${statusCode} (${httpReason(statusCode)}).`,
      },
    };
  }
  const outputs = (result.outputs ?? { body: result.body ?? null }) as JsonValue;
  const ok = (result.status ?? (result.error === undefined ? 'Succeeded' : 'Failed')) === 'Succeeded';
  if (ok) return { ok: true, outputs };
  return {
    ok: false,
    retryable: result.retryable ?? false,
    outputs,
    error: result.error ?? { code: 'MockFailed', message: 'The mock failed the action.' },
  };
}
