/** The documented rule for turning response XML into JSON, and the fault mapping of both versions. */
import { describe, expect, it } from 'vitest';
import { readFault } from '../../../src/connectors/soap/fault';
import { elementToJson, readEnvelope } from '../../../src/connectors/soap/parse';
import { parseXml } from '../../../src/connectors/soap/xml';

const json = (xml: string, arrayElements: string[] = []) =>
  elementToJson(parseXml(xml, 'x'), { arrayElements: new Set(arrayElements) });

describe('XML to JSON', () => {
  it.each([
    ['<r>0012</r>', '0012'],
    ['<r>  padded  </r>', '  padded  '],
    ['<r/>', ''],
    ['<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>', null],
    ['<m:r xmlns:m="urn:m"><m:a>1</m:a><b xmlns="urn:b">2</b></m:r>', { a: '1', b: '2' }],
    ['<r><b>1</b><a>2</a></r>', { b: '1', a: '2' }],
    ['<r><a>1</a><b>x</b><a>2</a></r>', { a: ['1', '2'], b: 'x' }],
    ['<r xmlns:p="urn:p" xmlns:q="urn:q"><p:a>1</p:a><q:a>2</q:a></r>', { a: ['1', '2'] }],
    ['<r code="EUR">Euro</r>', { '@code': 'EUR', '#text': 'Euro' }],
    ['<r xmlns:x="urn:x" x:id="7"><a/></r>', { '@id': '7', a: '' }],
    ['<r>\n  <a>1</a>\n</r>', { a: '1' }],
    ['<r>mixed <b>bold</b> text</r>', { b: 'bold', '#text': 'mixed  text' }],
    ['<r><![CDATA[<raw> & ]]></r>', '<raw> & '],
    ['<r><constructor>x</constructor><toString a="1"/></r>', { constructor: 'x', toString: { '@a': '1' } }],
  ])('%s is %j', (xml, value) => {
    expect(json(xml)).toEqual(value);
  });

  it('an element named __proto__ is a plain key, not a prototype', () => {
    const value = json('<r><__proto__><polluted>yes</polluted></__proto__></r>') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":"yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [['item'], '<r><item>1</item></r>', { item: ['1'] }],
    [['item'], '<r><item>1</item><item>2</item></r>', { item: ['1', '2'] }],
    [[], '<r><item>1</item></r>', { item: '1' }],
  ])('arrayElements %j: %s is %j', (names, xml, value) => {
    expect(json(xml, names)).toEqual(value);
  });
});

const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const S12 = 'http://www.w3.org/2003/05/soap-envelope';
const fault = (xml: string) => {
  const envelope = readEnvelope(parseXml(xml, 'x'));
  if (typeof envelope === 'string') throw new Error(envelope);
  return readFault(envelope.body, envelope.version);
};

describe('faults', () => {
  it('SOAP 1.1: faultcode (local part), faultstring, faultactor and detail', () => {
    expect(
      fault(
        `<e:Envelope xmlns:e="${S11}"><e:Body><e:Fault><faultcode>e:Client.Auth</faultcode>` +
          `<faultstring>Denied</faultstring><faultactor>urn:gate</faultactor>` +
          `<detail><m:Why xmlns:m="urn:m">expired</m:Why></detail></e:Fault></e:Body></e:Envelope>`,
      ),
    ).toEqual({
      faultcode: 'Client.Auth',
      faultstring: 'Denied',
      faultactor: 'urn:gate',
      detail: { Why: 'expired' },
    });
  });

  it('SOAP 1.2: Code/Value, every Subcode, the first Reason/Text, Role, Node and Detail', () => {
    expect(
      fault(
        `<e:Envelope xmlns:e="${S12}" xmlns:m="urn:m"><e:Body><e:Fault>` +
          `<e:Code><e:Value>e:Receiver</e:Value><e:Subcode><e:Value>m:Db</e:Value>` +
          `<e:Subcode><e:Value>m:Timeout</e:Value></e:Subcode></e:Subcode></e:Code>` +
          `<e:Reason><e:Text xml:lang="en">Database timeout</e:Text><e:Text xml:lang="de">Zeitüberschreitung</e:Text></e:Reason>` +
          `<e:Node>urn:db</e:Node><e:Role>urn:role</e:Role><e:Detail><m:ms>30000</m:ms></e:Detail>` +
          `</e:Fault></e:Body></e:Envelope>`,
      ),
    ).toEqual({
      faultcode: 'Receiver',
      subcodes: ['Db', 'Timeout'],
      faultstring: 'Database timeout',
      faultactor: 'urn:role',
      node: 'urn:db',
      detail: { ms: '30000' },
    });
  });

  it('an empty detail is null and a Body without Fault is no fault', () => {
    expect(
      fault(
        `<e:Envelope xmlns:e="${S11}"><e:Body><e:Fault><faultcode>e:Server</faultcode><detail/></e:Fault></e:Body></e:Envelope>`,
      ),
    ).toEqual({ faultcode: 'Server', faultstring: '', detail: null });
    expect(fault(`<e:Envelope xmlns:e="${S11}"><e:Body><Fault/></e:Body></e:Envelope>`)).toBeUndefined();
  });
});
