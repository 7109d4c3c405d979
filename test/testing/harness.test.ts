/** `flowline/testing`: example workflows run in process with mocks and time skipping. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertRun, loadWorkflow, RunMismatch, TriggerRejected } from '../../src/testing/index';

const WORKFLOWS = resolve(__dirname, '../../workflows');
const order = {
  orderId: 'o-1',
  customer: 'Contoso',
  lines: [
    { sku: 'A-1', quantity: 2, unitPrice: 2.5 },
    { sku: 'B-2', quantity: 1, unitPrice: 10 },
  ],
};

describe('the test harness', () => {
  it('runs a workflow against a mock and returns its Response, variables and calls', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/order-intake.json`);
    const run = await wf.run(
      { body: order },
      { mocks: { Reserve_stock: { statusCode: 200, body: { reservationId: 'r-9' } } } },
    );
    expect(run.status).toBe('Succeeded');
    expect(run.response).toMatchObject({
      statusCode: 201,
      body: { orderId: 'o-1', total: 15, reservation: 'r-9' },
    });
    expect(run.variables).toEqual({ total: 15 });
    expect(run.calls.map((c) => [c.action, c.attempt])).toEqual([['Reserve_stock', 1]]);
    expect(run.action('Reserve_stock').inputs).toMatchObject({ method: 'POST', body: { orderId: 'o-1' } });
  });

  it('skips retry waits while utcNow() advances as if they had passed', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/order-intake.json`);
    const started = Date.now();
    const run = await wf.run(
      { body: order },
      {
        mocks: {
          Reserve_stock: [
            { statusCode: 503 },
            { statusCode: 503 },
            { statusCode: 200, body: { reservationId: 'r-1' } },
          ],
        },
      },
    );
    expect(run.status).toBe('Succeeded');
    expect(run.retries('Reserve_stock')).toBe(2);
    expect(run.action('Reserve_stock').retryHistory?.map((r) => r.code)).toEqual([
      'ServiceUnavailable',
      'ServiceUnavailable',
    ]);
    // The WDL default policy waits at least 5 s per retry: virtual time passed, wall time did not.
    expect(run.elapsedMs).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('does not retry a 4xx and takes the error branch', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/order-intake.json`);
    const run = await wf.run(
      { body: order },
      { mocks: { Reserve_stock: { statusCode: 409, body: { message: 'sold out' } } } },
    );
    expect(run.response?.statusCode).toBe(409);
    expect(run.action('Reserve_stock')).toMatchObject({ status: 'Failed', code: 'Conflict' });
    expect(run.retries('Reserve_stock')).toBe(0);
  });

  it('waits three virtual days for a webhook that never calls back, in milliseconds', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/expense-approval.json`);
    const body = { expenseId: 'e-1', amount: 120, approver: 'ada@contoso.com' };
    const run = await wf.run(
      { body },
      { mocks: { Ask_for_approval: { statusCode: 202 }, Escalate: { statusCode: 200 } } },
    );
    expect(run.action('Ask_for_approval').status).toBe('TimedOut');
    expect(run.action('Escalate').status).toBe('Succeeded');
    expect(run.elapsedMs).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(run.outputs).toEqual({ decision: 'escalated' });
  });

  it('delivers a webhook callback given as an event', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/expense-approval.json`);
    const body = { expenseId: 'e-2', amount: 120, approver: 'ada@contoso.com' };
    const run = await wf.run(
      { body },
      {
        mocks: {
          Ask_for_approval: { statusCode: 202 },
          Pay_out: (call) => ({ statusCode: 200, body: call.inputs }),
        },
        events: [
          {
            name: 'webhook:Ask_for_approval',
            payload: { body: { decision: 'Approved' } },
            afterMs: 3_600_000,
          },
        ],
      },
    );
    expect(run.status).toBe('Succeeded');
    expect(run.action('Pay_out').outputs).toMatchObject({
      body: { body: { expenseId: 'e-2', amount: 120 } },
    });
    expect(run.elapsedMs).toBe(3_600_000);
  });

  it('fails an unmocked action at once, saying how to mock it', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/order-intake.json`);
    const run = await wf.run({ body: order });
    expect(run.action('Reserve_stock').error).toEqual({
      code: 'NotMocked',
      message:
        "Action 'Reserve_stock' has no mock: give it a mock, or let it call the real service (`unmocked: 'real'`, or `flowline run --real`).",
    });
  });

  it('calls a real server for unmocked Http actions when asked to', async () => {
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"reservationId":"real-1"}'),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const wf = await loadWorkflow(`${WORKFLOWS}/order-intake.json`);
    const run = await wf.run({ body: order }, { unmocked: 'real', appSettings: { INVENTORY_API_URL: url } });
    server.close();
    expect(run.response?.body).toMatchObject({ reservation: 'real-1' });
  });

  it('rejects a trigger body that breaks the trigger schema', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/order-intake.json`);
    await expect(wf.run({ body: { orderId: '' } })).rejects.toThrow(TriggerRejected);
  });

  it('names the actions that exist when asked for one that does not', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/hello.json`);
    const run = await wf.run({ body: { name: 'Ada' } });
    expect(() => run.action('Nope')).toThrow(
      "The run has no action 'Nope'. Its actions: Initialize_greeting, Language, Bonjour, Hallo, Reply.",
    );
  });

  it('prints the run as a tree with status icons', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/hello.json`);
    const run = await wf.run({ body: { name: 'Ada', language: 'de' } }, { runId: 'r-1' });
    expect(run.tree()).toBe(
      [
        '✓ run r-1: Succeeded',
        '  ✓ Initialize_greeting [InitializeVariable]',
        '  ✓ Language [Switch]',
        '    ✓ Hallo [SetVariable]',
        '    ○ Bonjour [SetVariable]',
        '  ✓ Reply [Response]',
      ].join('\n'),
    );
  });

  it('fails an assertion with the first divergence and the run tree', async () => {
    const wf = await loadWorkflow(`${WORKFLOWS}/hello.json`);
    const run = await wf.run({ body: { name: 'Ada' } }, { runId: 'r-2' });
    assertRun(run, { status: 'Succeeded', actions: { Reply: { status: 'Succeeded' } } });
    let thrown: unknown;
    try {
      assertRun(run, { response: { body: { greeting: 'Hi, Ada!' } } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RunMismatch);
    expect((thrown as Error).message.split('\n').slice(0, 2)).toEqual([
      '→ response.body.greeting: expected "Hi, Ada!", got "Hello, Ada!"',
      '✓ run r-2: Succeeded',
    ]);
  });
});
