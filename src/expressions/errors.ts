import type { Span } from './ast';

/**
 * An expression failed to parse or evaluate. `span` points into the author's string value (see
 * `ast.ts`), so tools can underline the exact text. Expression errors are terminal: retrying the
 * same expression over the same data gives the same error.
 */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly span: Span | undefined,
    /** A fix the author can apply, when one is known ("did you mean 'concat'?"). */
    readonly hint?: string,
  ) {
    super(message);
  }
}
