/**
 * Connector error hierarchy. The class says whether the engine may retry
 * (Temporal style): RetryableError vs TerminalError.
 */

/** Outputs of an HTTP response, kept on errors so the failed action still shows them. */
export interface ConnectorOutputs {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface ConnectorErrorDetails {
  readonly statusCode?: number;
  readonly retryAfterMs?: number;
  readonly outputs?: ConnectorOutputs;
}

export abstract class ConnectorError extends Error {
  abstract readonly retryable: boolean;
  readonly statusCode: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly outputs: ConnectorOutputs | undefined;

  constructor(
    readonly code: string,
    message: string,
    details: ConnectorErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.statusCode = details.statusCode;
    this.retryAfterMs = details.retryAfterMs;
    this.outputs = details.outputs;
  }
}

/** 408, 429, 5xx, connection reset/refused, timeouts. */
export class RetryableError extends ConnectorError {
  readonly retryable = true;
}

/** Other 4xx, invalid input, egress denied. Retrying cannot help. */
export class TerminalError extends ConnectorError {
  readonly retryable = false;
}
