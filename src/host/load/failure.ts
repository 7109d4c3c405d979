/**
 * How a failed invocation is reported. The worker sends `{message, stackTrace}`; the Functions host
 * renders it as `Result: Failure\nException: <message>\nStack: <stack>`, the form the Durable
 * extension parses to find orchestrator state after `$OutOfProcData$:`.
 */
export interface InvocationFailure {
  readonly ok: false;
  readonly message: string;
  readonly stack?: string;
  readonly failureText: string;
}

export function toFailure(error: unknown): InvocationFailure {
  const { message, stack } = describeError(error);
  const failureText = `Result: Failure\nException: ${message}\nStack: ${stack ?? ''}`;
  return stack === undefined
    ? { ok: false, message, failureText }
    : { ok: false, message, stack, failureText };
}

/** Like the worker's `ensureErrorType`: non-Error throws keep a readable message. */
function describeError(error: unknown): { message: string; stack: string | undefined } {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  if (typeof error === 'object' && error !== null) {
    const candidate = error as { message?: unknown; stack?: unknown };
    if (typeof candidate.message === 'string') {
      return {
        message: candidate.message,
        stack: typeof candidate.stack === 'string' ? candidate.stack : undefined,
      };
    }
    try {
      return { message: JSON.stringify(error), stack: undefined };
    } catch {
      return { message: Object.prototype.toString.call(error), stack: undefined };
    }
  }
  return { message: String(error), stack: undefined };
}
