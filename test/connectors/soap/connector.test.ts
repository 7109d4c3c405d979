/** The Soap connector against a real SOAP service (the `soap` npm package serving the WSDL fixture). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityResult, defineConnector } from '../../../src/connectors/activity';
import { soapDefinition } from '../../../src/connectors/soap/index';
import { actionTraceparent } from '../../../src/telemetry/ids';
import { CURRENCY_NS, DEFAULT_EGRESS, type SoapBackend, startCurrencyService } from './servers';

let service: SoapBackend;
const soap = defineConnector(soapDefinition({ egress: DEFAULT_EGRESS }));

beforeAll(async () => {
  service = await startCurrencyService();
});
afterAll(() => service.close());

const convert = (
  version: '1.1' | '1.2',
  body: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) =>
  soap({
    uri: version === '1.1' ? service.url11 : service.url12,
    soapVersion: version,
    operation: 'Convert',
    namespace: CURRENCY_NS,
    body,
    ...extra,
  });

const outputsOf = (result: ActivityResult) => result.outputs as { statusCode: number; body: unknown };

describe('calling operations', () => {
  it.each(['1.1', '1.2'] as const)(
    'SOAP %s: converts and returns the first Body child as JSON strings',
    async (version) => {
      const result = await convert(version, { from: 'EUR', to: 'USD', amount: 10 });
      expect(result.ok).toBe(true);
      expect(outputsOf(result).statusCode).toBe(200);
      expect(outputsOf(result).body).toEqual({
        ConvertResult: { from: 'EUR', to: 'USD', amount: '10', rate: '1.08', converted: '10.80' },
      });
    },
  );

  it.each([
    ['1.1', 'text/xml; charset=utf-8', `"${CURRENCY_NS}/Convert"`],
    ['1.2', `application/soap+xml; charset=utf-8; action="${CURRENCY_NS}/Convert"`, undefined],
  ] as const)('SOAP %s sends content type %s and SOAPAction %s by default', async (version, type, action) => {
    const before = service.received.length;
    await convert(version, { from: 'EUR', to: 'GBP', amount: 1 });
    const [request] = service.received.slice(before);
    expect(request?.headers['content-type']).toBe(type);
    expect(request?.headers['soapaction']).toBe(action);
    expect(request?.xml).toContain(
      version === '1.1'
        ? 'http://schemas.xmlsoap.org/soap/envelope/'
        : 'http://www.w3.org/2003/05/soap-envelope',
    );
  });

  it.each([
    ['no incoming trace', {}, actionTraceparent('run-9/Convert_price', undefined)],
    [
      'a caller trace',
      { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      actionTraceparent('run-9/Convert_price', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
    ],
  ])("sends the action's span as traceparent for a run with %s", async (_label, extra, expected) => {
    const before = service.received.length;
    await convert(
      '1.1',
      { from: 'EUR', to: 'GBP', amount: 1 },
      { idempotencyKey: 'run-9/Convert_price', ...extra },
    );
    expect(service.received.slice(before)[0]?.headers['traceparent']).toBe(expected);
  });

  it('sends the soapAction the action names instead of the default', async () => {
    const before = service.received.length;
    await convert('1.1', { from: 'EUR', to: 'GBP', amount: 1 }, { soapAction: 'Convert' });
    expect(service.received[before]?.headers['soapaction']).toBe('"Convert"');
  });

  it('writes the operation element and qualified children in the order given', async () => {
    const before = service.received.length;
    await convert('1.1', { from: 'CHF', to: 'EUR', amount: 5 });
    expect(service.received[before]?.xml).toContain(
      `<soap:Body><tns:Convert><tns:from>CHF</tns:from><tns:to>EUR</tns:to><tns:amount>5</tns:amount></tns:Convert></soap:Body>`,
    );
  });

  it('reads attributes as @name with the text as #text, and repeated elements as an array', async () => {
    const result = await soap({
      uri: service.url11,
      operation: 'ListCurrencies',
      namespace: CURRENCY_NS,
      body: {},
    });
    expect(outputsOf(result).body).toEqual({
      currency: [
        { '@code': 'EUR', '#text': 'Euro' },
        { '@code': 'USD', '#text': 'US dollar' },
        { '@code': 'GBP', '#text': 'Pound sterling' },
        { '@code': 'CHF', '#text': 'Swiss franc' },
      ],
    });
  });

  it.each([
    [[], { currency: { '@code': 'USD', '#text': 'US dollar' } }],
    [['currency'], { currency: [{ '@code': 'USD', '#text': 'US dollar' }] }],
  ])('with arrayElements %j a single element is %j', async (arrayElements, body) => {
    const result = await soap({
      uri: service.url11,
      operation: 'ListCurrencies',
      namespace: CURRENCY_NS,
      body: { region: 'americas' },
      arrayElements,
    });
    expect(outputsOf(result).body).toEqual(body);
  });

  it('sends a raw envelope as is and still parses the answer', async () => {
    const raw = `<?xml version="1.0"?><e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><c:Convert xmlns:c="${CURRENCY_NS}"><c:from>GBP</c:from><c:to>EUR</c:to><c:amount>17</c:amount></c:Convert></e:Body></e:Envelope>`;
    const before = service.received.length;
    const result = await soap({ uri: service.url11, envelope: raw, soapAction: `${CURRENCY_NS}/Convert` });
    expect(service.received[before]?.xml).toBe(raw);
    expect(outputsOf(result).body).toMatchObject({
      ConvertResult: { from: 'GBP', to: 'EUR', converted: '20.00' },
    });
  });

  it('returns the raw response envelope only when includeEnvelope is true', async () => {
    const without = await convert('1.1', { from: 'EUR', to: 'USD', amount: 1 });
    const withIt = await convert('1.1', { from: 'EUR', to: 'USD', amount: 1 }, { includeEnvelope: true });
    expect(without.outputs).not.toHaveProperty('envelope');
    expect((withIt.outputs as { envelope: string }).envelope).toMatch(/^<\?xml[\s\S]*<\/soap:Envelope>$/);
  });
});

describe('faults', () => {
  it.each([
    [
      '1.1',
      {
        faultcode: 'Client',
        faultstring: "Unknown currency 'XYZ'",
        detail: { UnknownCurrency: { code: 'XYZ' } },
      },
    ],
    [
      '1.2',
      {
        faultcode: 'Sender',
        subcodes: ['UnknownCurrency'],
        faultstring: "Unknown currency 'XYZ'",
        detail: { UnknownCurrency: { code: 'XYZ' } },
      },
    ],
  ] as const)(
    'SOAP %s fault fails terminally with SoapFault and the fault as body',
    async (version, fault) => {
      const result = await convert(version, { from: 'XYZ', to: 'USD', amount: 1 });
      expect(result).toMatchObject({
        ok: false,
        retryable: false,
        error: {
          code: 'SoapFault',
          message: `The SOAP service answered with a fault (faultcode '${fault.faultcode}'): Unknown currency 'XYZ'.`,
        },
      });
      expect(outputsOf(result)).toMatchObject({ statusCode: 500, body: fault });
    },
  );

  it.each(['1.1', '1.2'] as const)('SOAP %s: a Server/Receiver fault is terminal too', async (version) => {
    const result = await convert(version, { from: 'EUR', to: 'USD', amount: -1 });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'SoapFault' } });
    expect((outputsOf(result).body as { faultcode: string }).faultcode).toBe('Server');
  });
});
