import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, type Flowline, startBackend, startFlowline } from './helpers';

describe('workflows/price-quote.json', () => {
  let pricing: Backend;
  let flowline: Flowline;

  beforeAll(async () => {
    pricing = await startBackend((call) => {
      if (call.path.startsWith('/prices/')) return { body: { unitPrice: 12.5 }, delayMs: 150 };
      if (call.path.startsWith('/tax?country=NL')) return { body: { rate: 0.21 }, delayMs: 150 };
      if (call.path.startsWith('/tax')) return { status: 400, body: { error: 'unknown country' } };
      if (call.path === '/shipping/quotes') return { body: { amount: 4.95 }, delayMs: 150 };
      return undefined;
    });
    flowline = await startFlowline({ PRICING_API_URL: pricing.url });
  });
  afterAll(async () => {
    await flowline.stop();
    await pricing.close();
  });

  it('calls the three APIs in parallel and joins their answers into one quote', async () => {
    const started = Date.now();
    const response = await flowline.invoke('price-quote', { sku: 'A 1', quantity: 4, country: 'NL' });
    const elapsed = Date.now() - started;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sku: 'A 1',
      quantity: 4,
      net: 50,
      tax: 10.5,
      shipping: 4.95,
      total: 65.45,
    });
    expect(pricing.callsTo('GET', '/prices/A%201')).toHaveLength(1);
    expect(pricing.maxInFlight()).toBe(3);
    expect(elapsed).toBeLessThan(3 * 150 + 300);
  });

  it('answers 503 from the fallback branch when one of the APIs fails', async () => {
    const response = await flowline.invoke('price-quote', { sku: 'B', quantity: 1, country: 'XX' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'A pricing service did not answer; try again later.' });
    const view = await flowline.waitForRun('price-quote', response.headers.get('x-flowline-run-id') ?? '');
    // The only branch end is the fallback reply, which succeeded: the run Succeeded (Logic Apps' rule).
    expect(view.status).toBe('Succeeded');
    expect(view.actions.find((a) => a.name === 'Get_tax_rate')).toMatchObject({
      status: 'Failed',
      code: 'BadRequest',
    });
  });
});
