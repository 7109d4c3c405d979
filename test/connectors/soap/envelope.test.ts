/** Envelopes built from JSON, the WS-Security header, and inputs refused with the field named. */
import * as soapPackage from 'soap';
import { describe, expect, it } from 'vitest';
import { defineConnector } from '../../../src/connectors/activity';
import { buildEnvelope, EnvelopeError, type EnvelopeSpec } from '../../../src/connectors/soap/envelope';
import { defaultSoapAction, soapDefinition } from '../../../src/connectors/soap/index';
import { securityHeader } from '../../../src/connectors/soap/ws-security';
import { DEFAULT_EGRESS } from './servers';

const spec = (body: Record<string, unknown>, more: Partial<EnvelopeSpec> = {}): EnvelopeSpec => ({
  version: '1.1',
  operation: 'Op',
  namespace: 'urn:ns',
  body,
  elementForm: 'qualified',
  ...more,
});
/** The operation element's XML. */
const op = (body: Record<string, unknown>, more: Partial<EnvelopeSpec> = {}): string =>
  /<soap:Body>([\s\S]*)<\/soap:Body>/.exec(buildEnvelope(spec(body, more)))?.[1] ?? '';

describe('JSON to XML', () => {
  it.each([
    [{}, '<tns:Op/>'],
    [{ b: 1, a: 'x' }, '<tns:Op><tns:b>1</tns:b><tns:a>x</tns:a></tns:Op>'],
    [{ ok: true, n: 2.5 }, '<tns:Op><tns:ok>true</tns:ok><tns:n>2.5</tns:n></tns:Op>'],
    [{ item: ['a', 'b'] }, '<tns:Op><tns:item>a</tns:item><tns:item>b</tns:item></tns:Op>'],
    [{ gone: null }, '<tns:Op><tns:gone xsi:nil="true"/></tns:Op>'],
    [
      { price: { '@currency': 'EUR', '#text': 5 } },
      '<tns:Op><tns:price currency="EUR">5</tns:price></tns:Op>',
    ],
    [
      { '@version': '2', a: { b: { c: 'deep' } } },
      '<tns:Op version="2"><tns:a><tns:b><tns:c>deep</tns:c></tns:b></tns:a></tns:Op>',
    ],
    [{ 'c:code': 'X', '@xmlns:c': 'urn:c' }, '<tns:Op xmlns:c="urn:c"><c:code>X</c:code></tns:Op>'],
    [{ t: 'a<b & c>d' }, '<tns:Op><tns:t>a&lt;b &amp; c&gt;d</tns:t></tns:Op>'],
    [{ e: { '@q': 'say "hi"\n' } }, '<tns:Op><tns:e q="say &quot;hi&quot;&#10;"/></tns:Op>'],
    [{ u: '€ 😀' }, '<tns:Op><tns:u>€ 😀</tns:u></tns:Op>'],
  ])('%j becomes %s', (body, xml) => {
    expect(op(body)).toBe(xml);
  });

  it('leaves child names unprefixed when elementForm is unqualified', () => {
    expect(op({ a: { b: 1 } }, { elementForm: 'unqualified' })).toBe('<tns:Op><a><b>1</b></a></tns:Op>');
  });

  it('declares the version namespace, xsi and tns on the Envelope, and puts soapHeaders in the Header', () => {
    const xml = buildEnvelope(spec({}, { version: '1.2', soapHeaders: { Session: 'abc' } }));
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tns="urn:ns">' +
        '<soap:Header><tns:Session>abc</tns:Session></soap:Header><soap:Body><tns:Op/></soap:Body></soap:Envelope>',
    );
  });

  it.each([
    [{ 'bad name': 1 }, "inputs.body.bad name: expected an XML element name, found 'bad name'."],
    [{ '1st': 1 }, "inputs.body.1st: expected an XML element name, found '1st'."],
    [{ a: { '@ x': 1 } }, "inputs.body.a.@ x: expected an XML attribute name after '@', found ' x'."],
    [
      { a: { '@x': { y: 1 } } },
      'inputs.body.a.@x: expected a string, number or boolean for an attribute, found object.',
    ],
    [{ a: [[1]] }, 'inputs.body.a[0]: expected a value or an object, found an array.'],
    [
      { a: ['ok', 'bell\u0007'] },
      'inputs.body.a[1]: expected text XML 1.0 can carry, found the character U+0007.',
    ],
    [{ a: Number.NaN }, 'inputs.body.a: expected a finite number, found NaN.'],
  ])('%j is refused: %s', (body, message) => {
    expect(() => buildEnvelope(spec(body))).toThrow(new EnvelopeError(message));
  });
});

describe('WS-Security header', () => {
  const nonce = Buffer.from('0123456789abcdef');
  const now = new Date('2024-05-01T10:00:00.000Z');

  it('a PasswordDigest is the digest the soap package computes for the same nonce and time', () => {
    const xml = securityHeader(
      { username: 'u', password: 'p&w', passwordType: 'PasswordDigest' },
      '1.1',
      now,
      nonce,
    );
    const expected = soapPackage.passwordDigest(nonce.toString('base64'), now.toISOString(), 'p&w');
    expect(xml).toContain(`#PasswordDigest">${expected}</wsse:Password>`);
    expect(xml).toContain(
      `>${nonce.toString('base64')}</wsse:Nonce><wsu:Created>2024-05-01T10:00:00.000Z</wsu:Created>`,
    );
    expect(xml).toContain('soap:mustUnderstand="1"');
  });

  it('a PasswordText carries the escaped password and no nonce; SOAP 1.2 says mustUnderstand="true"', () => {
    const xml = securityHeader(
      { username: 'u', password: 'p&w', passwordType: 'PasswordText' },
      '1.2',
      now,
      nonce,
    );
    expect(xml).toContain('#PasswordText">p&amp;w</wsse:Password>');
    expect(xml).not.toContain('Nonce');
    expect(xml).toContain('soap:mustUnderstand="true"');
  });
});

describe('default SOAPAction', () => {
  it.each([
    ['http://tempuri.org/', 'Add', 'http://tempuri.org/Add'],
    ['http://flowline.example/currency', 'Convert', 'http://flowline.example/currency/Convert'],
    ['urn:example:stock', 'Quote', 'urn:example:stock/Quote'],
  ])('namespace %s and operation %s give %s', (namespace, operation, action) => {
    expect(defaultSoapAction(namespace, operation)).toBe(action);
  });
});

describe('invalid inputs name the field', () => {
  const soap = defineConnector(soapDefinition({ egress: DEFAULT_EGRESS }));
  const base = { uri: 'http://127.0.0.1:9/soap', operation: 'Op', namespace: 'urn:x', body: {} };
  it.each([
    [{ uri: 'ftp://x/y' }, 'inputs.uri: expected an absolute http or https URL'],
    [{ uri: 42 }, 'inputs.uri: Invalid input: expected string, received number'],
    [{ soapVersion: '1.3' }, "inputs.soapVersion: expected '1.1' or '1.2'"],
    [{ operation: 'ns:Op' }, 'inputs.operation: expected an XML element name without a prefix'],
    [{ operation: undefined }, 'inputs.operation: expected the operation name, found none'],
    [{ namespace: undefined }, 'inputs.namespace: expected the operation namespace URI, found none'],
    [{ envelope: '<x/>' }, 'inputs.envelope: expected either body or envelope, found both'],
    [{ body: [1] }, 'inputs.body: Invalid input: expected record, received array'],
    [{ soapAction: 'a"b' }, 'inputs.soapAction: expected no quotes or control characters'],
    [
      { wsSecurity: { username: 'u', password: 'p', passwordType: 'Plain' } },
      "inputs.wsSecurity.passwordType: expected one of 'PasswordText', 'PasswordDigest'",
    ],
    [
      { body: undefined, envelope: '<x/>', wsSecurity: { username: 'u', password: 'p' } },
      'inputs.wsSecurity: expected no wsSecurity with a raw envelope',
    ],
    [{ timeoutMs: -5 }, 'inputs.timeoutMs: Too small: expected number to be >0'],
  ])('%j: %s', async (change, message) => {
    const result = await soap({ ...base, ...change });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidConnectorInput' } });
    expect(result.ok ? '' : result.error.message).toContain(message);
  });

  it('a body the envelope cannot carry fails terminally with InvalidSoapBody', async () => {
    expect(await soap({ ...base, body: { 'a b': 1 } })).toMatchObject({
      ok: false,
      retryable: false,
      error: {
        code: 'InvalidSoapBody',
        message: "inputs.body.a b: expected an XML element name, found 'a b'.",
      },
    });
  });
});
