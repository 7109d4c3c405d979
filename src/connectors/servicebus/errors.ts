/**
 * Service Bus failures, classified by `ServiceBusError.code`: a busy or timed-out service, a general
 * error and a broken connection are retryable; a missing or disabled entity, a message too large,
 * refused credentials, a full entity and a locked session are terminal. Errors without a code (the
 * AMQP layer's "Failed to connect", socket errors, timeouts) are connection problems, retryable.
 */
import { scrub, type ServiceBusTarget } from './connection';

const RETRYABLE = new Set(['ServiceBusy', 'ServiceTimeout', 'GeneralError', 'ServiceCommunicationProblem']);
const TERMINAL = new Set([
  'MessagingEntityNotFound',
  'MessagingEntityDisabled',
  'MessageSizeExceeded',
  'UnauthorizedAccess',
  'QuotaExceeded',
  'SessionCannotBeLocked',
]);

/** The other `ServiceBusErrorCode`s (settlement and session-lock codes a send does not expect). */
const KNOWN = new Set([
  'MessageLockLost',
  'MessageNotFound',
  'MessagingEntityAlreadyExists',
  'SessionLockLost',
]);

/** Socket-level failures and the AMQP layer's wording for them. */
const CONNECTION =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|Failed to connect|socket|disconnected|connection.*(closed|lost)/i;

export interface Classified {
  readonly code: string;
  readonly retryable: boolean;
  readonly message: string;
}

export function classify(
  error: unknown,
  entityName: string,
  target: ServiceBusTarget | undefined,
): Classified {
  const raw = error instanceof Error ? error.message : String(error);
  const detail = scrub(raw.replace(/\s+/g, ' ').trim(), target);
  const what = `Sending to '${entityName}' failed`;
  const coded = error as { code?: unknown; retryable?: unknown };
  if (
    typeof coded.code === 'string' &&
    (RETRYABLE.has(coded.code) || TERMINAL.has(coded.code) || KNOWN.has(coded.code))
  ) {
    // The SDK reports a refused socket as GeneralError: name it for what it is.
    const code =
      coded.code === 'GeneralError' && CONNECTION.test(raw) ? 'ServiceCommunicationProblem' : coded.code;
    const retryable = RETRYABLE.has(code) || (!TERMINAL.has(code) && coded.retryable === true);
    return { code, retryable, message: `${what} (${code}): ${detail}` };
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortError' || name === 'OperationTimeoutError' || /timed? ?out/i.test(raw)) {
    return { code: 'ServiceTimeout', retryable: true, message: `${what} (ServiceTimeout): ${detail}` };
  }
  if (CONNECTION.test(raw) || CONNECTION.test((error as { code?: string }).code ?? '')) {
    return {
      code: 'ServiceCommunicationProblem',
      retryable: true,
      message: `${what}: the connection to the namespace failed (${detail}).`,
    };
  }
  return { code: 'ServiceBusFailed', retryable: false, message: `${what}: ${detail}` };
}
