/** Trigger `splitOn` (one run per item) and trigger `conditions` (no run when false), end to end. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Flowline, startFlowline } from '../workflows/helpers';

describe('trigger splitOn and conditions', () => {
  let flowline: Flowline;
  beforeAll(async () => {
    flowline = await startFlowline({ FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../fixtures/workflows') });
  });
  afterAll(() => flowline.stop());

  it('starts one run per array item and passes each item as the trigger body', async () => {
    const orders = [
      { id: 'a', quantity: 1 },
      { id: 'b', quantity: 0 },
      { id: 'c', quantity: 5 },
    ];
    const response = await flowline.invoke('split-orders', { orders });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { runs: { runId: string; statusUrl: string }[] };
    // The condition drops the item with quantity 0: two runs, in item order.
    expect(body.runs).toHaveLength(2);
    const outputs = await Promise.all(
      body.runs.map(async (run) => (await flowline.waitForRun('split-orders', run.runId)).outputs),
    );
    expect(outputs).toEqual([{ id: 'a' }, { id: 'c' }]);
  });

  it('starts no run and says which condition was false', async () => {
    const response = await flowline.invoke('orders-only', { kind: 'refund', id: 7 });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-flowline-run-id')).toBeNull();
    expect(await response.json()).toEqual({
      status: 'Skipped',
      reasons: ["Trigger condition '@equals(triggerBody()?['kind'], 'order')' was false."],
    });
  });

  it('runs the workflow when every condition is true', async () => {
    const response = await flowline.invoke('orders-only', { kind: 'order', id: 7 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 7 });
  });
});
