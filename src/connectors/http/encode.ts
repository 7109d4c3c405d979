/** Builds the request the author described: URL with queries, headers, auth, cookie and body bytes. */
import { actionTraceparent } from '../../telemetry/ids';
import { type AuthOptions, authenticate } from './auth';
import type { ClientCertificate } from './tls';
import type { HttpCallInput } from './types';

export interface EncodedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  /** ClientCertificate authentication: presented in the TLS handshake. */
  readonly clientCertificate?: ClientCertificate;
}

export class InvalidRequest extends Error {}

/** An HTTP token (RFC 9110): what a method and a header name may be made of. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Characters a header value may not hold: they would end the header (CR, LF) or are refused (NUL). */
const BAD_VALUE = /[\r\n\0]/;

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export async function encodeRequest(input: HttpCallInput, auth: AuthOptions = {}): Promise<EncodedRequest> {
  let url: URL;
  try {
    url = new URL(input.uri);
  } catch {
    throw new InvalidRequest(`The uri '${input.uri}' is not an absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidRequest(`The uri scheme '${url.protocol}' is not supported; use http or https.`);
  }
  // Appended as text: going through url.searchParams would re-serialize the uri's own query
  // (`%20` to `+`, `flag` to `flag=`), which breaks signed URLs.
  const added = new URLSearchParams();
  for (const [key, value] of Object.entries(input.queries ?? {})) added.append(key, text(value));
  if (added.toString() !== '') url.search = url.search === '' ? `${added}` : `${url.search}&${added}`;
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.headers ?? {})) headers[key.toLowerCase()] = text(value);
  if (input.cookie !== undefined) headers['cookie'] = input.cookie;
  const credentials = await authenticate(input.authentication, auth);
  if (credentials.clientCertificate !== undefined && url.protocol !== 'https:') {
    throw new InvalidRequest(
      `uri: expected an https URL for ClientCertificate authentication (the certificate is presented in the TLS handshake), found '${url.protocol}'.`,
    );
  }
  Object.assign(headers, credentials.headers);
  const method = input.method.toUpperCase();
  // Checked here so that the action fails with a clear error; Node would throw while sending.
  if (!TOKEN.test(method))
    throw new InvalidRequest(`method: expected an HTTP method such as GET or POST, found '${method}'.`);
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw new InvalidRequest(`headers: '${name}' is not a valid header name.`);
    if (BAD_VALUE.test(value))
      throw new InvalidRequest(`headers.${name}: expected a value without line breaks or NUL characters.`);
  }
  if (
    input.idempotencyKey !== undefined &&
    !['GET', 'HEAD', 'OPTIONS'].includes(method) &&
    headers['idempotency-key'] === undefined
  ) {
    headers['idempotency-key'] = input.idempotencyKey;
  }
  // The action's own span (exported when the run ends) as the parent, unless the author set one.
  if (input.idempotencyKey !== undefined && headers['traceparent'] === undefined) {
    const incoming = (input as HttpCallInput & { readonly traceparent?: unknown }).traceparent;
    headers['traceparent'] = actionTraceparent(
      input.idempotencyKey,
      typeof incoming === 'string' ? incoming : undefined,
    );
  }
  const body = encodeBody(input.body, headers);
  if (body !== undefined) headers['content-length'] = String(body.length);
  const tls =
    credentials.clientCertificate === undefined ? {} : { clientCertificate: credentials.clientCertificate };
  return { method, url, headers, body, ...tls };
}

function encodeBody(body: unknown, headers: Record<string, string>): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return Buffer.from(body, 'utf8');
  }
  if (typeof body === 'object' && !Array.isArray(body) && '$content' in body) {
    const envelope = body as Record<string, unknown>;
    headers['content-type'] ??= text(envelope['$content-type'] ?? 'application/octet-stream');
    return Buffer.from(text(envelope['$content']), 'base64');
  }
  headers['content-type'] ??= 'application/json; charset=utf-8';
  return Buffer.from(JSON.stringify(body), 'utf8');
}
