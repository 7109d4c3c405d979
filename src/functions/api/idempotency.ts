/**
 * `Idempotency-Key` on a trigger call. The run id is derived from the workflow, the trigger and the
 * key, so a caller that retries a call whose answer it never got (a timeout, a dropped connection)
 * reaches the run the first call started instead of starting a second one, and gets that run's
 * answer. Without the header every call starts a new run, as in Logic Apps.
 *
 * A run already exists under the derived id: the call starts nothing. Two identical calls at the
 * same moment: one starts the run, the other's start is refused by the Durable API (an instance with
 * that id is running) and it answers with the same run.
 */
import { createHash } from 'node:crypto';
import type * as df from 'durable-functions';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const MAX_KEY_LENGTH = 255;

export type KeyCheck =
  { readonly ok: true; readonly key: string | undefined } | { readonly ok: false; readonly message: string };

/** The header's key, undefined without one, or why it cannot be used. */
export function readIdempotencyKey(header: string | null): KeyCheck {
  if (header === null) return { ok: true, key: undefined };
  if (header.length === 0 || header.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(header))
    return {
      ok: false,
      message: `Idempotency-Key: expected 1 to ${MAX_KEY_LENGTH} visible ASCII characters without spaces, found ${header.length} characters.`,
    };
  return { ok: true, key: header };
}

/** The run id for a key: a UUID-shaped digest of workflow, trigger and key (case of names ignored). */
export function keyedRunId(workflow: string, trigger: string, key: string): string {
  const hex = createHash('sha256')
    .update(`${workflow.toLowerCase()}\n${trigger.toLowerCase()}\n${key}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** True when a run with this id exists, in any state. */
export async function runExists(client: df.DurableClient, runId: string): Promise<boolean> {
  try {
    const status = await client.getStatus(runId);
    return typeof status.instanceId === 'string' && status.instanceId !== '';
  } catch {
    return false;
  }
}

/** True when `error` is the Durable API refusing to start an instance whose id is already running. */
export function alreadyRunning(error: unknown): boolean {
  return error instanceof Error && /already exists with instance id/.test(error.message);
}
