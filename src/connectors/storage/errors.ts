/**
 * Storage failures as connector errors. The SDK's RestError carries the HTTP status and the service's
 * error code: throttling (429, 503), other 5xx, 408, timeouts and connection failures are retryable;
 * 404, 409, 412, auth failures and invalid requests are terminal. Messages keep the service's first
 * line (never the request URL) and are scrubbed of keys and signatures.
 */
import { isRetryableStatus } from '../../engine/policy/retry';
import { ConnectorError, RetryableError, TerminalError } from '../errors';
import { retryAfterMs } from '../http/decode';
import { scrub } from './clients';

interface RestErrorLike {
  readonly name: string;
  readonly message: string;
  readonly statusCode?: number;
  readonly code?: string;
  readonly details?: unknown;
  readonly response?: { readonly headers: { get(name: string): string | undefined } };
}

/** The service's error code of a RestError (`BlobNotFound`, `TableNotFound`, ...). */
export function restCode(error: unknown): string | undefined {
  if (!isRestError(error)) return undefined;
  const details = record(error.details);
  const odata = record(details.odataError);
  for (const code of [error.code, details.errorCode, odata.code]) {
    if (typeof code === 'string' && /^[A-Za-z]+$/.test(code)) return code;
  }
  return undefined;
}

/** The service's own sentence: Tables answer with OData JSON, Blob and Queue with XML or plain text. */
function serviceMessage(error: RestErrorLike): string {
  const odata = record(record(record(error.details).odataError).message).value;
  let text = typeof odata === 'string' ? odata : error.message;
  if (text.trimStart().startsWith('{')) {
    try {
      const body = record(JSON.parse(text));
      const inner = record(record(body['odata.error'] ?? body.error).message);
      const value = inner.value ?? record(body.error).message;
      if (typeof value === 'string') text = value;
    } catch {
      // not JSON after all
    }
  }
  text = /<Message>([\s\S]*?)<\/Message>/i.exec(text)?.[1] ?? text;
  return firstLine(text);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function isRestError(error: unknown): error is RestErrorLike {
  return error instanceof Error && error.name === 'RestError';
}

/** What the operation was doing, for messages: `blob 'a.pdf' in container 'invoices'`. */
export interface Subject {
  readonly what: string;
  /** Codes to use for a 404 / 409 instead of the service's (e.g. `EntityNotFound`). */
  readonly notFound?: string;
  readonly conflict?: string;
}

export function storageError(error: unknown, subject: Subject, secrets: readonly string[]): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = (text: string): string => scrub(text, secrets);
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new RetryableError('Timeout', message(`The call for ${subject.what} timed out.`));
  }
  if (
    error instanceof Error &&
    (error.name === 'CredentialUnavailableError' || error.name === 'AuthenticationError')
  ) {
    return new TerminalError(
      'AuthenticationFailed',
      message(`No token for ${subject.what}: ${firstLine(error.message)}.`),
    );
  }
  if (!isRestError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return new TerminalError(
      'StorageFailed',
      message(`The call for ${subject.what} failed: ${firstLine(text)}.`),
    );
  }
  const status = error.statusCode;
  const detail = serviceMessage(error);
  if (status === undefined) {
    return new RetryableError(
      'ConnectionFailed',
      message(`The connection to storage for ${subject.what} failed: ${detail || 'no answer'}.`),
    );
  }
  const code = serviceCode(error, status, subject);
  const text = message(
    `Storage answered ${status} for ${subject.what} (${code})${detail ? `: ${detail}` : ''}.`,
  );
  if (isRetryableStatus(status)) {
    const after = retryAfterMs({ 'retry-after': error.response?.headers.get('retry-after') });
    return new RetryableError(code, text, {
      statusCode: status,
      ...(after === undefined ? {} : { retryAfterMs: after }),
    });
  }
  return new TerminalError(code, text, { statusCode: status });
}

function serviceCode(error: RestErrorLike, status: number, subject: Subject): string {
  const code = restCode(error);
  const whole = /^(Container|Queue|Table)NotFound$|BeingDeleted$/.test(code ?? '');
  if (status === 404 && subject.notFound !== undefined && !whole) return subject.notFound;
  if (status === 409 && subject.conflict !== undefined && !whole) return subject.conflict;
  return code ?? STATUS_CODES[status] ?? (status >= 500 ? 'ServerError' : 'RequestFailed');
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'InvalidInput',
  401: 'AuthenticationFailed',
  403: 'AuthorizationFailed',
  404: 'NotFound',
  408: 'RequestTimeout',
  409: 'Conflict',
  412: 'ConditionNotMet',
  413: 'RequestBodyTooLarge',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServerBusy',
};

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim().replace(/\.$/, '');
}
