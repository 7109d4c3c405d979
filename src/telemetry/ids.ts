/**
 * Deterministic W3C trace context for runs and actions, so the Http connector can send the id of an
 * action's span at call time and the span exported when the run ends carries that same id.
 *
 * - trace id: the incoming `traceparent`'s trace id when the trigger call had one, else sha256(run id)
 * - run span id: sha256(`run:` + run id)
 * - action span id: sha256(idempotency key), the key being `runId/loopPath/action` (see http-action)
 * - iteration span id: sha256(`iteration:` + run id + `/` + loop path)
 */
import { createHash } from 'node:crypto';
import { idempotencyKey } from '../engine/actions/http-action';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface ParsedTraceparent {
  readonly traceId: string;
  readonly spanId: string;
  readonly flags: number;
}

/** A valid W3C `traceparent` (version 00 format, non-zero ids), else undefined. */
export function parseTraceparent(header: string | null | undefined): ParsedTraceparent | undefined {
  const match = TRACEPARENT.exec((header ?? '').trim().toLowerCase());
  if (match === null) return undefined;
  const [, version, traceId = '', spanId = '', flags = '00'] = match;
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId, flags: parseInt(flags, 16) };
}

function hashHex(text: string, bytes: number): string {
  const hex = createHash('sha256')
    .update(text, 'utf8')
    .digest('hex')
    .slice(0, bytes * 2);
  // An all-zero id is invalid in W3C trace context; astronomically unlikely, but keep it valid.
  return /^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex;
}

export function traceIdFor(runId: string, incoming: string | undefined): string {
  return parseTraceparent(incoming)?.traceId ?? hashHex(runId, 16);
}

export function runSpanId(runId: string): string {
  return hashHex(`run:${runId}`, 8);
}

/** The span id of the action whose idempotency key is `key` (`runId/loopPath/action`). */
export function spanIdForKey(key: string): string {
  return hashHex(key, 8);
}

export function actionSpanId(runId: string, loopPath: string, action: string): string {
  return spanIdForKey(idempotencyKey(runId, loopPath, action));
}

export function iterationSpanId(runId: string, loopPath: string): string {
  return hashHex(`iteration:${runId}/${loopPath}`, 8);
}

/**
 * The `traceparent` an Http action sends: its own span as the parent, in the run's trace. `key` is
 * the action's idempotency key (its first segment is the run id); `incoming` the trigger call's header.
 */
export function actionTraceparent(key: string, incoming: string | undefined): string {
  const runId = key.split('/')[0] ?? key;
  return `00-${traceIdFor(runId, incoming)}-${spanIdForKey(key)}-01`;
}
