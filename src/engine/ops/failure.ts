import type { JsonValue } from '../../expressions/values';

/** An action failed for a reason the author can fix; code and message as Logic Apps words them. Never retried. */
export class ActionFailure extends Error {
  override readonly name = 'ActionFailure';
  readonly retryable = false;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: JsonValue,
  ) {
    super(message);
  }
}
