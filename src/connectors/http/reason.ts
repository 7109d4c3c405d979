import { STATUS_CODES } from 'node:http';

/** The largest response body a connector accepts, unless its options say otherwise. */
export const MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/** The error code of a failed HTTP status, as the action shows it: 409 → `Conflict`, 503 → `ServiceUnavailable`. */
export function httpReason(status: number): string {
  return (STATUS_CODES[status] ?? 'Error')
    .replace(/[^A-Za-z]/g, ' ')
    .replace(/(?:^|\s)(\w)/g, (_m, c: string) => c.toUpperCase())
    .replace(/\s/g, '');
}
