import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/host/manualClock';
import { action, type Backend, eventually, type Flowline, startBackend, startFlowline } from './helpers';

describe('workflows/expense-approval.json (webhook with a timeout)', () => {
  let approvals: Backend;
  let payments: Backend;
  let flowline: Flowline;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    approvals = await startBackend(() => ({ status: 201, body: { accepted: true } }));
    payments = await startBackend(() => ({ status: 200, body: { paid: true } }));
    flowline = await startFlowline(
      { APPROVALS_API_URL: approvals.url, PAYMENTS_API_URL: payments.url },
      clock,
    );
  });
  afterAll(async () => {
    await flowline.stop();
    await approvals.close();
    await payments.close();
  });

  const start = async (expenseId: string): Promise<{ runId: string; callbackUrl: string }> => {
    const response = await flowline.invoke('expense-approval', {
      expenseId,
      amount: 120,
      approver: 'lee@contoso.com',
    });
    expect(response.status).toBe(202);
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    const subscribe = await eventually(() =>
      approvals.calls.find(
        (c) => c.method === 'POST' && (c.body as { expenseId?: string }).expenseId === expenseId,
      ),
    );
    return { runId, callbackUrl: (subscribe.body as { callbackUrl: string }).callbackUrl };
  };

  const subscribed = async (runId: string): Promise<void> => {
    for (;;) {
      const response = await fetch(
        `${flowline.origin}/runtime/webhooks/durabletask/instances/${runId}?showHistory=true`,
      );
      const status = (await response.json()) as { historyEvents?: { EventType: string }[] };
      if (status.historyEvents?.some((e) => e.EventType === 'TaskCompleted')) return;
      await new Promise((done) => setTimeout(done, 10));
    }
  };

  it('subscribes with a callback URL, pays out when the approver calls back, then unsubscribes', async () => {
    const { runId, callbackUrl } = await start('e-1');
    expect(callbackUrl).toBe(
      `${flowline.origin}/api/workflows/expense-approval/runs/${runId}/events/${encodeURIComponent('webhook:Ask_for_approval')}`,
    );
    const callback = await fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'Approved', by: 'lee' }),
    });
    expect(callback.status).toBe(202);
    const view = await flowline.waitForRun('expense-approval', runId);
    expect(view.status).toBe('Succeeded');
    expect(view.outputs).toEqual({ decision: 'Approved' });
    expect(action(view, 'Pay_out').status).toBe('Succeeded');
    expect(payments.callsTo('POST', '/payouts')[0]?.body).toEqual({ expenseId: 'e-1', amount: 120 });
    expect(approvals.callsTo('DELETE', '/requests/e-1')).toHaveLength(1);
    expect(action(view, 'Ask_for_approval').outputs).toMatchObject({
      body: { decision: 'Approved', by: 'lee' },
    });
  });

  it('times out after three days without an answer, escalates, and still unsubscribes', async () => {
    const { runId } = await start('e-2');
    // Skip time only once the subscription is recorded, so the timeout races the callback, not the subscribe call.
    await subscribed(runId);
    clock.advance(3 * 86_400_000 + 1000);
    const view = await flowline.waitForRun('expense-approval', runId);
    // Close_request joins both paths, so the handled timeout leaves the run Succeeded.
    expect(view.status).toBe('Succeeded');
    expect(action(view, 'Ask_for_approval')).toMatchObject({ status: 'TimedOut', code: 'ActionTimedOut' });
    expect(action(view, 'Decision').status).toBe('Skipped');
    expect(approvals.callsTo('POST', '/escalations')[0]?.body).toMatchObject({ expenseId: 'e-2' });
    expect(approvals.callsTo('DELETE', '/requests/e-2')).toHaveLength(1);
    expect(view.outputs).toEqual({ decision: 'escalated' });
  });

  it('fails the run with the Terminate code when the approver answers something unknown', async () => {
    const { runId, callbackUrl } = await start('e-3');
    await fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"decision":"maybe"}',
    });
    const view = await flowline.waitForRun('expense-approval', runId);
    expect(view.status).toBe('Failed');
    expect(view.error).toEqual({
      code: 'UnknownDecision',
      message: "The approval service answered 'maybe'.",
    });
  });
});
