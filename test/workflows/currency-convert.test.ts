/**
 * workflows/currency-convert.json end to end: the compiled app on the embedded host calls a real SOAP
 * service on loopback (the `soap` npm package serving test/fixtures/soap/currency.wsdl), which checks
 * the WS-Security digest made from a SecureString parameter.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/host/manualClock';
import { type SoapBackend, startCurrencyService, startRawServer } from '../connectors/soap/servers';
import { action, type Flowline, startFlowline } from './helpers';

const PASSWORD = 'fx-2c9e41b7-password';

describe('workflows/currency-convert.json', () => {
  let service: SoapBackend;
  let flowline: Flowline;
  const dir = mkdtempSync(join(tmpdir(), 'flowline-soap-'));
  const seen: string[] = [];
  // Retry delays are durable timers: the test moves this clock instead of waiting.
  const clock = new ManualClock(new Date());

  const convert = async (body: unknown) => {
    const response = await flowline.invoke('currency-convert', body);
    const text = await response.text();
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    const view = await flowline.waitForRun('currency-convert', runId);
    seen.push(text, JSON.stringify(view));
    return { status: response.status, body: JSON.parse(text) as unknown, view };
  };

  beforeAll(async () => {
    service = await startCurrencyService({ users: { flowline: PASSWORD } });
    flowline = await startFlowline(
      { CURRENCY_SOAP_URL: service.url11, CURRENCY_SOAP_PASSWORD: PASSWORD },
      clock,
      { store: join(dir, 'store.db') },
    );
  });
  afterAll(async () => {
    await flowline.stop();
    await service.close();
  });

  it('answers 200 with the rate and the converted amount from the SOAP service', async () => {
    const { status, body, view } = await convert({ from: 'EUR', to: 'USD', amount: 250 });
    expect(status).toBe(200);
    expect(body).toEqual({ from: 'EUR', to: 'USD', amount: 250, rate: 1.08, converted: 270 });
    expect(action(view, 'Convert_currency')).toMatchObject({
      status: 'Succeeded',
      outputs: {
        statusCode: 200,
        body: { ConvertResult: { from: 'EUR', to: 'USD', amount: '250', rate: '1.08', converted: '270.00' } },
      },
    });
  });

  it('sends SOAP 1.1 with its SOAPAction and a WS-Security digest, never the password', async () => {
    const before = service.received.length;
    await convert({ from: 'GBP', to: 'CHF', amount: 10 });
    const [request] = service.received.slice(before);
    expect(request?.headers['soapaction']).toBe('"http://flowline.example/currency/Convert"');
    expect(request?.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(request?.headers['idempotency-key']).toMatch(/\/Convert_currency$/);
    expect(request?.xml).toContain('#PasswordDigest">');
    expect(request?.xml).toContain('<tns:from>GBP</tns:from><tns:to>CHF</tns:to><tns:amount>10</tns:amount>');
    expect(request?.xml).not.toContain(PASSWORD);
  });

  it('answers 422 with the fault of an unknown currency, which is not retried', async () => {
    const before = service.received.length;
    const { status, body, view } = await convert({ from: 'XYZ', to: 'USD', amount: 1 });
    expect(status).toBe(422);
    expect(body).toEqual({
      error: "Unknown currency 'XYZ'",
      faultcode: 'Client',
      detail: { UnknownCurrency: { code: 'XYZ' } },
    });
    expect(action(view, 'Convert_currency')).toMatchObject({ status: 'Failed', code: 'SoapFault' });
    expect(service.received.length - before).toBe(1);
  });

  it('answers 502 after the retries when the service cannot be reached', async () => {
    const closed = await startRawServer({});
    await closed.close();
    process.env['CURRENCY_SOAP_URL'] = `${closed.origin}/soap/currency`;
    const ticking = setInterval(() => clock.advance(5_000), 20);
    try {
      const { status, body, view } = await convert({ from: 'EUR', to: 'GBP', amount: 1 });
      expect(status).toBe(502);
      expect(body).toMatchObject({ error: 'The currency service could not be reached.' });
      const convertAction = action(view, 'Convert_currency');
      expect(convertAction).toMatchObject({ status: 'Failed', code: 'ConnectionFailed' });
      expect(convertAction.retryHistory).toHaveLength(2);
    } finally {
      clearInterval(ticking);
      process.env['CURRENCY_SOAP_URL'] = service.url11;
    }
  });

  it('leaves no trace of the password in the store, the logs, the run views or the answers', () => {
    const store = readdirSync(dir).map((file) => readFileSync(join(dir, file)).toString('latin1'));
    expect(store.length).toBeGreaterThan(0);
    const places = [...store, flowline.logs.join('\n'), ...seen];
    for (const secret of [PASSWORD, Buffer.from(PASSWORD).toString('base64')]) {
      expect(places.filter((text) => text.includes(secret))).toEqual([]);
    }
    // The run view hides the WS-Security password field altogether (the history holds only a token).
    expect(seen.join('')).toContain('"password":"*sanitized*"');
    expect(store.join('')).toContain('{{flowline-secret:');
  });
});
