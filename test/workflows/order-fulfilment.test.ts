import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Backend, type Flowline, startBackend, startFlowline } from './helpers';

describe('workflows/order-fulfilment.json (nested workflow)', () => {
  let carrier: Backend;
  let flowline: Flowline;

  beforeAll(async () => {
    let next = 100;
    carrier = await startBackend((call) => {
      const to = (call.body as { to?: { city?: string } }).to;
      if (to?.city === 'Nowhere') return { status: 422, body: { error: 'unknown address' } };
      next++;
      return {
        status: 201,
        body: { trackingNumber: `TRK${next}`, url: `${carrier.url}/labels/${next}.pdf` },
      };
    });
    flowline = await startFlowline({ CARRIER_API_URL: carrier.url });
  });
  afterAll(async () => {
    await flowline.stop();
    await carrier.close();
  });

  it('calls shipping-label once per shipment and answers with an HTML table of tracking numbers', async () => {
    const response = await flowline.invoke('order-fulfilment', {
      orderId: 'o-7',
      shipments: [{ address: { city: 'Utrecht' } }, { address: { city: 'Lyon' } }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(
      '<h1>Order o-7</h1><table><thead><tr><th>city</th><th>trackingNumber</th></tr></thead>' +
        '<tbody><tr><td>Utrecht</td><td>TRK101</td></tr><tr><td>Lyon</td><td>TRK102</td></tr></tbody></table>',
    );
    expect(carrier.calls.map((c) => c.body)).toEqual([
      { reference: 'o-7', to: { city: 'Utrecht' } },
      { reference: 'o-7', to: { city: 'Lyon' } },
    ]);
    const view = await flowline.waitForRun(
      'order-fulfilment',
      response.headers.get('x-flowline-run-id') ?? '',
    );
    expect(action(view, 'Make_label').outputs).toMatchObject({
      statusCode: 200,
      body: { trackingNumber: 'TRK101' },
    });
  });

  it('fails the Workflow action and the loop when the child run fails', async () => {
    const response = await flowline.invoke('order-fulfilment', {
      orderId: 'o-8',
      shipments: [{ address: { city: 'Nowhere' } }],
    });
    expect(response.status).toBe(502);
    const problem = (await response.json()) as { runId: string };
    const view = await flowline.waitForRun('order-fulfilment', problem.runId);
    expect(view.status).toBe('Failed');
    expect(action(view, 'Make_label')).toMatchObject({ status: 'Failed', code: 'ActionFailed' });
    expect(action(view, 'Each_shipment').status).toBe('Failed');
  });
});
