/** The Http connector's contract with the engine (see `engine/activities.ts`). */

export interface HttpCallInput {
  readonly method: string;
  readonly uri: string;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly queries?: Readonly<Record<string, unknown>>;
  /** string: sent as is; `{"$content-type", "$content"}`: binary; anything else: JSON. */
  readonly body?: unknown;
  readonly cookie?: string;
  readonly authentication?: Readonly<Record<string, unknown>>;
  /** Per attempt; default 100 s. */
  readonly timeoutMs?: number;
  readonly disableAsyncPattern?: boolean;
  /** Sent as `Idempotency-Key` on requests that change state, unless the author set one. */
  readonly idempotencyKey?: string;
}

export type JsonLike = null | boolean | number | string | JsonLike[] | { [key: string]: JsonLike };

export interface HttpOutputs {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: JsonLike;
}

export type HttpOutcome =
  | { readonly ok: true; readonly outputs: HttpOutputs }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly retryAfterMs?: number;
      readonly outputs?: HttpOutputs;
      readonly error: { readonly code: string; readonly message: string };
    };
