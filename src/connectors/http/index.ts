/**
 * The Http connector (activity `flowline-http`): runs one WDL Http call and reports the outcome as a
 * value. Follows redirects for GET/HEAD (egress re-checked per hop), and the asynchronous pattern:
 * a 202 with `Location` is polled with GET until it stops answering 202, honouring `Retry-After`,
 * unless the action sets `DisableAsyncPattern`. Non-2xx answers fail with their outputs kept;
 * 408, 429, 5xx, timeouts and connection failures are retryable.
 */
import { ConnectorError } from '../errors';
import { isRetryableStatus } from '../../engine/policy/retry';
import { decodeResponse, retryAfterMs } from './decode';
import { httpReason, MAX_RESPONSE_BYTES } from './reason';
import { egressFromEnvironment, type EgressPolicy } from './egress';
import { encodeRequest, InvalidRequest } from './encode';
import { type RawResponse, send, type SendResult } from './send';
import type { HttpCallInput, HttpOutcome } from './types';

export type { HttpCallInput, HttpOutcome, HttpOutputs } from './types';

export interface HttpConnectorOptions {
  readonly egress?: EgressPolicy;
  /** Poll interval of the async pattern when the server gives no Retry-After. Default 10 s. */
  readonly asyncPollIntervalMs?: number;
  /** Give up polling after this long. Default 1 hour. */
  readonly asyncMaxWaitMs?: number;
  /** Largest response body accepted. Default 100 MB. */
  readonly maxResponseBytes?: number;
  /**
   * PEM certificates trusted besides Node's store, for the call and for token requests (tests, or an
   * embedding host with a private CA; a deployed app sets NODE_EXTRA_CA_CERTS instead).
   */
  readonly ca?: readonly string[];
}

const MAX_REDIRECTS = 5;

export async function executeHttp(
  input: HttpCallInput,
  options: HttpConnectorOptions = {},
): Promise<HttpOutcome> {
  const egress = options.egress ?? egressFromEnvironment();
  const timeoutMs = input.timeoutMs ?? 100_000;
  let request;
  try {
    request = await encodeRequest(input, { egress, timeoutMs, ...(options.ca ? { ca: options.ca } : {}) });
  } catch (error) {
    if (error instanceof InvalidRequest) return terminal('InvalidRequest', error.message);
    if (error instanceof ConnectorError)
      return { ok: false, retryable: error.retryable, error: { code: error.code, message: error.message } };
    throw error;
  }
  const { clientCertificate, ...encoded } = request;
  const common = {
    timeoutMs,
    maxBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
    egress,
    tls: { ...(clientCertificate ? { clientCertificate } : {}), ...(options.ca ? { ca: options.ca } : {}) },
  };
  let { result, url: answeredBy } = await sendFollowing({ ...common, ...encoded });
  const deadline = Date.now() + (options.asyncMaxWaitMs ?? 3_600_000);
  while (
    input.disableAsyncPattern !== true &&
    result.kind === 'response' &&
    result.response.statusCode === 202 &&
    typeof result.response.headers.location === 'string'
  ) {
    // Relative to the URL that answered (after redirects, or the previous status URL).
    const location = new URL(result.response.headers.location, answeredBy);
    const wait = retryAfterMs(result.response.headers) ?? options.asyncPollIntervalMs ?? 10_000;
    if (Date.now() + wait > deadline) {
      return terminal(
        'AsyncOperationTimedOut',
        `The asynchronous operation at ${location.href} did not finish in time.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    const headers = { ...request.headers };
    delete headers['content-type'];
    delete headers['content-length'];
    ({ result, url: answeredBy } = await sendFollowing({
      ...common,
      method: 'GET',
      url: location,
      headers,
      body: undefined,
    }));
  }
  return classify(result, common.timeoutMs);
}

async function sendFollowing(options: Parameters<typeof send>[0]): Promise<{ result: SendResult; url: URL }> {
  let current = options;
  for (let hop = 0; ; hop++) {
    const result = await send(current);
    if (
      result.kind !== 'response' ||
      !isRedirect(result.response) ||
      !['GET', 'HEAD'].includes(current.method) ||
      hop >= MAX_REDIRECTS
    ) {
      return { result, url: current.url };
    }
    const url = new URL(String(result.response.headers.location), current.url);
    let headers = current.headers;
    if (url.origin !== current.url.origin) {
      // Credentials stay with the origin they were written for (as fetch and browsers do).
      const { authorization: _authorization, cookie: _cookie, ...rest } = headers;
      headers = rest;
    }
    current = { ...current, url, headers };
  }
}

const isRedirect = (response: RawResponse): boolean =>
  [301, 302, 303, 307, 308].includes(response.statusCode) && typeof response.headers.location === 'string';

function classify(result: SendResult, timeoutMs: number): HttpOutcome {
  switch (result.kind) {
    case 'denied':
      return terminal('EgressDenied', `The request was blocked by the egress policy: ${result.reason}.`);
    case 'timeout':
      return {
        ok: false,
        retryable: true,
        error: { code: 'RequestTimeout', message: `The request timed out after ${timeoutMs} ms.` },
      };
    case 'too-large':
      return terminal('ResponseTooLarge', `The response body is larger than ${result.limit} bytes.`);
    case 'connection':
      return {
        ok: false,
        retryable: true,
        error: { code: 'ConnectionFailed', message: `The connection failed: ${result.message}.` },
      };
    case 'response':
      break;
  }
  const outputs = decodeResponse(result.response);
  const status = outputs.statusCode;
  if (status >= 200 && status < 300) return { ok: true, outputs };
  const reason = httpReason(status);
  const retryable = isRetryableStatus(status);
  const after = retryAfterMs(result.response.headers);
  return {
    ok: false,
    retryable,
    ...(after === undefined ? {} : { retryAfterMs: after }),
    outputs,
    error: { code: reason, message: `The HTTP request failed with status code ${status} (${reason}).` },
  };
}

function terminal(code: string, message: string): HttpOutcome {
  return { ok: false, retryable: false, error: { code, message } };
}
