import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Backend, type Flowline, startBackend, startFlowline } from './helpers';

describe('workflows/payment-capture.json (try / catch / finally)', () => {
  let payments: Backend;
  let ledger: Backend;
  let flowline: Flowline;

  beforeAll(async () => {
    payments = await startBackend((call) => {
      if (call.path === '/payments/p-declined/capture')
        return { status: 402, body: { message: 'card declined' } };
      return { status: 200, body: { ok: true } };
    });
    ledger = await startBackend(() => ({ status: 201 }));
    flowline = await startFlowline({ PAYMENTS_API_URL: payments.url, LEDGER_API_URL: ledger.url });
  });
  afterAll(async () => {
    await flowline.stop();
    await payments.close();
    await ledger.close();
  });

  const run = async (paymentId: string) => {
    const response = await flowline.invoke('payment-capture', { paymentId, amount: 42 });
    expect(response.status).toBe(202);
    expect(response.headers.get('location')).toMatch(/\/api\/workflows\/payment-capture\/runs\//);
    return flowline.waitForRun('payment-capture', response.headers.get('x-flowline-run-id') ?? '');
  };

  it('captures, skips the catch, runs finally and succeeds', async () => {
    const view = await run('p-ok');
    expect(view.status).toBe('Succeeded');
    expect(view.actions.map((a) => [a.name, a.status])).toEqual([
      ['Try', 'Succeeded'],
      ['Catch', 'Skipped'],
      ['Finally', 'Succeeded'],
      ['Check_capture', 'Succeeded'],
    ]);
    expect(payments.callsTo('POST', '/payments/p-ok/void')).toHaveLength(0);
    expect(ledger.calls.find((c) => (c.body as { paymentId: string }).paymentId === 'p-ok')?.body).toEqual({
      paymentId: 'p-ok',
      captured: true,
      run: view.id,
    });
  });

  it('voids the authorization with the failure message, still runs finally, and ends the run Failed with the Terminate code', async () => {
    const view = await run('p-declined');
    expect(view.status).toBe('Failed');
    expect(view.error).toEqual({
      code: 'PaymentNotCaptured',
      message: 'Payment p-declined was not captured; the authorization was voided.',
    });
    expect(action(view, 'Try')).toMatchObject({ status: 'Failed', code: 'ActionFailed' });
    expect(action(view, 'Capture')).toMatchObject({ status: 'Failed', code: 'PaymentRequired' });
    expect(action(view, 'Catch').status).toBe('Succeeded');
    expect(payments.callsTo('POST', '/payments/p-declined/void')[0]?.body).toEqual({
      reason: 'The HTTP request failed with status code 402 (PaymentRequired).',
    });
    expect(
      ledger.calls.find((c) => (c.body as { paymentId: string }).paymentId === 'p-declined')?.body,
    ).toMatchObject({
      captured: false,
    });
    expect(action(view, 'Fail_run').status).toBe('Succeeded');
  });
});
