/**
 * Names and payload shapes of the activities the engine calls. The connectors implement them in
 * `src/connectors/`; `src/functions/` registers them. Activities report expected failures as values
 * so the engine can apply Logic Apps retry rules; a thrown error arrives as a failed task.
 */
import type { JsonValue } from '../expressions/values';

export const HTTP_ACTIVITY = 'flowline-http';

/** The activity behind each connector action type (lower-case type name). */
export const CONNECTOR_ACTIVITIES = {
  soap: 'flowline-soap',
  blobstorage: 'flowline-blob',
  queuestorage: 'flowline-queue',
  tablestorage: 'flowline-table',
  servicebus: 'flowline-servicebus',
  keyvaultsecret: 'flowline-keyvault-secret',
} as const;

export interface ConnectorOutcome {
  readonly ok: boolean;
  readonly retryable?: boolean;
  readonly retryAfterMs?: number;
  readonly outputs?: JsonValue;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Reads an activity result defensively: it crossed a serialization boundary. */
export function connectorOutcome(value: JsonValue): ConnectorOutcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      retryable: false,
      error: { code: 'InvalidConnectorResult', message: 'The connector returned no result.' },
    };
  }
  const v = value;
  const error = typeof v.error === 'object' && v.error !== null && !Array.isArray(v.error) ? v.error : {};
  return {
    ok: v.ok === true,
    retryable: v.retryable === true,
    ...(typeof v.retryAfterMs === 'number' ? { retryAfterMs: v.retryAfterMs } : {}),
    ...(v.outputs === undefined ? {} : { outputs: v.outputs }),
    ...(v.ok === true
      ? {}
      : {
          error: {
            code: typeof error.code === 'string' ? error.code : 'ActionFailed',
            message: typeof error.message === 'string' ? error.message : 'The connector failed.',
          },
        }),
  };
}
