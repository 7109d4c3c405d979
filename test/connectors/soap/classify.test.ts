/** Which answers succeed, which fail for good and which the engine may retry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityResult, defineConnector } from '../../../src/connectors/activity';
import { soapDefinition } from '../../../src/connectors/soap/index';
import { answer, DEFAULT_EGRESS, envelope11, type RawServer, startRawServer } from './servers';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer({
    '/gateway-503': (res) =>
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '7' }).end('<html>busy</html>'),
    '/gateway-502': answer('Bad gateway', 502, 'text/plain'),
    '/not-found': answer('no such service', 404, 'text/plain'),
    '/500-no-fault': answer(envelope11('<Oops>broken</Oops>'), 500),
    '/html-200': answer('<!-- login --><html><body>Sign in</body></html>', 200, 'text/html'),
    '/json-200': answer('{"a":1}', 200, 'application/json'),
    '/malformed': answer('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>\n<a></b>'),
    '/not-envelope': answer('<result xmlns="urn:x">1</result>'),
    '/one-way': (res) => res.writeHead(202).end(),
    '/with-header': answer(
      `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header><h:Session xmlns:h="urn:h">abc</h:Session></e:Header><e:Body><r:Ok xmlns:r="urn:r"/></e:Body></e:Envelope>`,
    ),
    '/silent': () => undefined,
  });
});
afterAll(() => server.close());

const soap = defineConnector(soapDefinition({ egress: DEFAULT_EGRESS }));
const call = (path: string, extra: Record<string, unknown> = {}): Promise<ActivityResult> =>
  soap({ uri: `${server.origin}${path}`, operation: 'Op', namespace: 'urn:x', body: {}, ...extra });

describe('answers that are not SOAP envelopes', () => {
  it.each([
    [
      '/gateway-503',
      true,
      'ServiceUnavailable',
      'The SOAP request failed with status code 503 (ServiceUnavailable).',
    ],
    ['/gateway-502', true, 'BadGateway', 'The SOAP request failed with status code 502 (BadGateway).'],
    [
      '/500-no-fault',
      true,
      'InternalServerError',
      'The SOAP request failed with status code 500 (InternalServerError).',
    ],
    ['/not-found', false, 'NotFound', 'The SOAP request failed with status code 404 (NotFound).'],
    [
      '/html-200',
      false,
      'InvalidSoapResponse',
      "The SOAP response: expected a SOAP envelope (XML), found content type 'text/html'.",
    ],
    [
      '/json-200',
      false,
      'InvalidSoapResponse',
      "The SOAP response: expected a SOAP envelope (XML), found content type 'application/json'.",
    ],
    [
      '/malformed',
      false,
      'InvalidSoapResponse',
      "The SOAP response is not well-formed XML: Expected closing tag 'a' (opened in line 2, col 1) instead of closing tag 'b'. (line 2, column 4).",
    ],
    [
      '/not-envelope',
      false,
      'InvalidSoapResponse',
      "The SOAP response: expected a SOAP 1.1 or 1.2 Envelope as the root element, found <result> in namespace 'urn:x'.",
    ],
  ])('%s: retryable %s, code %s', async (path, retryable, code, message) => {
    expect(await call(path)).toMatchObject({ ok: false, retryable, error: { code, message } });
  });

  it('keeps the gateway text as body and honours Retry-After', async () => {
    const result = await call('/gateway-503');
    expect(result).toMatchObject({
      retryAfterMs: 7000,
      outputs: { statusCode: 503, body: '<html>busy</html>' },
    });
  });

  it('a 500 envelope without a fault keeps its Body child as JSON', async () => {
    expect((await call('/500-no-fault')).outputs).toMatchObject({ statusCode: 500, body: 'broken' });
  });

  it('a 202 without a body (one-way operation) succeeds with body null', async () => {
    expect(await call('/one-way')).toMatchObject({ ok: true, outputs: { statusCode: 202, body: null } });
  });

  it('returns the response SOAP Header as soapHeaders, prefixes stripped', async () => {
    expect((await call('/with-header')).outputs).toMatchObject({ body: '', soapHeaders: { Session: 'abc' } });
  });
});

describe('failures before an answer', () => {
  it('a server that does not answer in timeoutMs is retryable RequestTimeout', async () => {
    expect(await call('/silent', { timeoutMs: 100 })).toMatchObject({
      ok: false,
      retryable: true,
      error: { code: 'RequestTimeout', message: 'The SOAP request timed out after 100 ms.' },
    });
  });

  it('a refused connection is retryable ConnectionFailed', async () => {
    const closed = await startRawServer({});
    await closed.close();
    const result = await soap({ uri: closed.origin, operation: 'Op', namespace: 'urn:x', body: {} });
    expect(result).toMatchObject({ ok: false, retryable: true, error: { code: 'ConnectionFailed' } });
  });

  it('the egress policy applies: a denied host gets no request and the action fails for good', async () => {
    const denied = defineConnector(soapDefinition({ egress: { deny: ['127.0.0.1'], blockMetadata: true } }));
    const before = server.hits.length;
    const result = await denied({
      uri: `${server.origin}/one-way`,
      operation: 'Op',
      namespace: 'urn:x',
      body: {},
    });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'EgressDenied' } });
    expect(server.hits.length).toBe(before);
  });
});
