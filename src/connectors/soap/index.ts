/**
 * The Soap connector (activity `flowline-soap`): builds a SOAP 1.1 or 1.2 envelope from JSON (or
 * sends a raw one), POSTs it through the Http connector's `send` (same egress policy, timeout and
 * response size cap), and turns the answer into JSON. See docs/connectors.md (Soap).
 *
 * Outcomes: 2xx with an envelope succeeds; a SOAP fault fails with `SoapFault` (terminal, see
 * fault.ts); a non-SOAP answer with 408, 429 or 5xx, timeouts and connection failures are retryable;
 * refused or malformed XML, egress denials and oversized answers are terminal.
 */
import {
  type ActivityResult,
  type ConnectorDefinition,
  defineConnector,
  type Json,
  retryable,
  terminal,
} from '../activity';
import { decodeResponse, retryAfterMs } from '../http/decode';
import { httpReason, MAX_RESPONSE_BYTES } from '../http/reason';
import { egressFromEnvironment, type EgressPolicy } from '../http/egress';
import { encodeRequest, InvalidRequest } from '../http/encode';
import { type RawResponse, send, type SendResult } from '../http/send';
import { maskSecrets } from '../secrets/tokens';
import { CONNECTOR_ACTIVITIES } from '../../engine/activities';
import { isRetryableStatus } from '../../engine/policy/retry';
import { buildEnvelope, EnvelopeError } from './envelope';
import { readFault } from './fault';
import { elementToJson, readEnvelope } from './parse';
import { soapInput, type SoapInput } from './input';
import { securityHeader } from './ws-security';
import { elements, parseXml, XmlError } from './xml';

export interface SoapConnectorOptions {
  /** Default: from the environment, as for the Http connector. */
  readonly egress?: EgressPolicy;
  /** Largest response accepted; default 100 MB, the Http connector's cap. */
  readonly maxResponseBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 100_000;
export const DEFAULT_MAX_RESPONSE_BYTES = MAX_RESPONSE_BYTES;

export function soapDefinition(options: SoapConnectorOptions = {}): ConnectorDefinition<SoapInput> {
  return {
    name: CONNECTOR_ACTIVITIES.soap,
    input: soapInput,
    async run(input) {
      // Credentials given as plain text (not secret tokens) are masked too.
      const credentials = new Set(
        [input.wsSecurity?.password, input.authentication?.password, input.authentication?.value].filter(
          (s): s is string => s !== undefined && s !== '',
        ),
      );
      return maskSecrets(await call(input, options), credentials);
    },
  };
}

export const soapConnector = defineConnector(soapDefinition());

/** `namespace` + `/` + `operation`, without doubling a trailing `/` (the rule of the `soap` npm client). */
export function defaultSoapAction(namespace: string, operation: string): string {
  return `${namespace.endsWith('/') ? namespace : `${namespace}/`}${operation}`;
}

async function call(input: SoapInput, options: SoapConnectorOptions): Promise<ActivityResult> {
  let envelope: string;
  try {
    envelope = input.envelope ?? buildFromJson(input);
  } catch (error) {
    if (error instanceof EnvelopeError) return terminal('InvalidSoapBody', error.message);
    throw error;
  }
  const action =
    input.soapAction ??
    (input.operation !== undefined && input.namespace !== undefined
      ? defaultSoapAction(input.namespace, input.operation)
      : '');
  const protocol: Record<string, string> =
    input.soapVersion === '1.2'
      ? {
          'content-type': `application/soap+xml; charset=utf-8${action === '' ? '' : `; action="${action}"`}`,
        }
      : { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` };
  const authored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.headers ?? {})) authored[key.toLowerCase()] = value;
  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const egress = options.egress ?? egressFromEnvironment();
  let request;
  try {
    request = await encodeRequest(
      {
        method: 'POST',
        uri: input.uri,
        headers: { ...protocol, ...authored },
        body: envelope,
        ...(input.authentication === undefined ? {} : { authentication: input.authentication }),
        ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey }),
        ...(input.traceparent === undefined ? {} : { traceparent: input.traceparent }),
      },
      { egress, timeoutMs },
    );
  } catch (error) {
    if (error instanceof InvalidRequest) return terminal('InvalidRequest', error.message);
    throw error; // a ConnectorError keeps its retry class (defineConnector)
  }
  const result = await send({
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
    timeoutMs,
    maxBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    egress,
  });
  return outcome(result, input, timeoutMs);
}

function buildFromJson(input: SoapInput): string {
  // The schema guarantees operation and namespace when there is no raw envelope.
  const security =
    input.wsSecurity === undefined ? undefined : securityHeader(input.wsSecurity, input.soapVersion);
  return buildEnvelope({
    version: input.soapVersion,
    operation: input.operation ?? '',
    namespace: input.namespace ?? '',
    body: input.body ?? {},
    ...(input.soapHeaders === undefined ? {} : { soapHeaders: input.soapHeaders }),
    elementForm: input.elementForm,
    ...(security === undefined ? {} : { security }),
  });
}

function outcome(result: SendResult, input: SoapInput, timeoutMs: number): ActivityResult {
  switch (result.kind) {
    case 'denied':
      return terminal('EgressDenied', `The request was blocked by the egress policy: ${result.reason}.`);
    case 'timeout':
      return retryable('RequestTimeout', `The SOAP request timed out after ${timeoutMs} ms.`);
    case 'too-large':
      return terminal('ResponseTooLarge', `The SOAP response is larger than ${result.limit} bytes.`);
    case 'connection':
      return retryable('ConnectionFailed', `The connection failed: ${result.message}.`);
    case 'response':
      return fromResponse(result.response, input);
  }
}

function fromResponse(response: RawResponse, input: SoapInput): ActivityResult {
  const decoded = decodeResponse(response);
  const { statusCode, headers } = decoded;
  const ok = statusCode >= 200 && statusCode < 300;
  const type = String(response.headers['content-type'] ?? '').toLowerCase();
  const text = typeof decoded.body === 'string' ? decoded.body : undefined;
  if (
    text === undefined ||
    text.trim() === '' ||
    type.includes('html') ||
    !text.trimStart().startsWith('<')
  ) {
    if (ok && (text === undefined || text.trim() === '') && decoded.body === null) {
      return { ok: true, outputs: { statusCode, headers, body: null } }; // one-way operation
    }
    if (ok) {
      return terminal(
        'InvalidSoapResponse',
        `The SOAP response: expected a SOAP envelope (XML), found ${type === '' ? 'a body without content type' : `content type '${type}'`}.`,
        { statusCode, headers, body: decoded.body },
      );
    }
    return statusFailure(response, { statusCode, headers, body: decoded.body });
  }
  let root;
  try {
    root = parseXml(text, 'The SOAP response');
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    if (error.kind === 'refused') return terminal('XmlRefused', error.message, { statusCode, headers });
    if (!ok) return statusFailure(response, { statusCode, headers, body: text });
    return terminal('InvalidSoapResponse', error.message, { statusCode, headers });
  }
  const envelope = readEnvelope(root);
  if (typeof envelope === 'string') {
    if (!ok) return statusFailure(response, { statusCode, headers, body: text });
    return terminal('InvalidSoapResponse', `The SOAP response: ${envelope}.`, { statusCode, headers });
  }
  const arrayElements = new Set(input.arrayElements ?? []);
  const header = envelope.header === undefined ? null : elementToJson(envelope.header, { arrayElements });
  const outputs: Record<string, Json> = {
    statusCode,
    headers,
    body: null,
    ...(header !== null && typeof header === 'object' ? { soapHeaders: header } : {}),
    ...(input.includeEnvelope === true ? { envelope: text } : {}),
  };
  const fault = readFault(envelope.body, envelope.version);
  if (fault !== undefined) {
    outputs.body = fault;
    return terminal(
      'SoapFault',
      `The SOAP service answered with a fault (faultcode '${fault.faultcode}'): ${fault.faultstring || '(no faultstring)'}.`,
      outputs,
    );
  }
  const [first] = elements(envelope.body);
  outputs.body = first === undefined ? null : elementToJson(first, { arrayElements });
  return ok ? { ok: true, outputs } : statusFailure(response, outputs);
}

/** A non-2xx answer that is not a SOAP fault: classified as the Http connector does. */
function statusFailure(response: RawResponse, outputs: Record<string, Json>): ActivityResult {
  const status = response.statusCode;
  const reason = httpReason(status);
  const message = `The SOAP request failed with status code ${status} (${reason}).`;
  if (isRetryableStatus(status)) {
    const after = retryAfterMs(response.headers);
    return { ...retryable(reason, message, after), outputs };
  }
  return terminal(reason, message, outputs);
}
