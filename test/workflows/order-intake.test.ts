import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Backend, type Flowline, startBackend, startFlowline } from './helpers';

describe('workflows/order-intake.json', () => {
  let inventory: Backend;
  let flowline: Flowline;
  const order = (orderId: string) => ({
    orderId,
    customer: 'Contoso',
    lines: [
      { sku: 'A-1', quantity: 2, unitPrice: 2.5 },
      { sku: 'B-2', quantity: 1, unitPrice: 10 },
    ],
  });

  beforeAll(async () => {
    let flaky = 0;
    inventory = await startBackend((call) => {
      const id = String(call.headers['x-order-id']);
      if (id === 'sold-out') return { status: 409, body: { message: 'B-2 is sold out' } };
      if (id === 'flaky' && flaky++ === 0) return { status: 503, body: { message: 'busy' } };
      return { status: 200, body: { reservationId: `res-${id}` } };
    });
    flowline = await startFlowline({ INVENTORY_API_URL: inventory.url });
  });
  afterAll(async () => {
    await flowline.stop();
    await inventory.close();
  });

  it('answers 201 with the order total and the reservation the inventory API made', async () => {
    const response = await flowline.invoke('order-intake', order('o-1'));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/orders/o-1');
    expect(await response.json()).toEqual({
      orderId: 'o-1',
      customer: 'Contoso',
      total: 15,
      reservation: 'res-o-1',
    });
    const [call] = inventory.calls.filter((c) => c.headers['x-order-id'] === 'o-1');
    expect(call?.body).toEqual({ orderId: 'o-1', items: order('o-1').lines });
    expect(call?.headers['idempotency-key']).toMatch(/\/Reserve_stock$/);
  });

  it('answers 409 with the inventory error when the reservation is refused, without retrying a 4xx', async () => {
    const response = await flowline.invoke('order-intake', order('sold-out'));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ orderId: 'sold-out', error: 'B-2 is sold out' });
    expect(inventory.calls.filter((c) => c.headers['x-order-id'] === 'sold-out')).toHaveLength(1);
    const view = await flowline.waitForRun('order-intake', response.headers.get('x-flowline-run-id') ?? '');
    // As in Logic Apps: the branch that ends in the skipped 201 reply ends after a failure, so the run
    // is Failed even though the 409 branch handled it.
    expect(view.status).toBe('Failed');
    expect(action(view, 'Reserve_stock')).toMatchObject({ status: 'Failed', code: 'Conflict' });
    expect(action(view, 'Accepted').status).toBe('Skipped');
  });

  it('rejects a body that breaks the trigger schema with 400 listing every violation', async () => {
    const response = await flowline.invoke('order-intake', {
      orderId: '',
      lines: [{ sku: 'x', quantity: 0 }],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual([
      '/customer',
      '/lines/0/quantity',
      '/lines/0/unitPrice',
      '/orderId',
    ]);
  });

  it('shows every action of a finished run in start order, with the loop iterations and the computed total', async () => {
    const response = await flowline.invoke('order-intake', order('o-2'));
    const view = await flowline.waitForRun('order-intake', response.headers.get('x-flowline-run-id') ?? '');
    expect(view.actions.map((a) => [a.name, a.status])).toEqual([
      ['Initialize_total', 'Succeeded'],
      ['Line_totals', 'Succeeded'],
      ['Add_up_lines', 'Succeeded'],
      ['Order_total', 'Succeeded'],
      ['Reserve_stock', 'Succeeded'],
      ['Out_of_stock', 'Skipped'],
      ['Accepted', 'Succeeded'],
    ]);
    expect(action(view, 'Line_totals').outputs).toEqual({ body: [5, 10] });
    expect(action(view, 'Add_up_lines').iterations).toHaveLength(2);
    expect(action(view, 'Order_total').outputs).toBe(15);
  });
});
