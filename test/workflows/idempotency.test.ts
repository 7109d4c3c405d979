/**
 * `Idempotency-Key` on trigger calls, on the embedded host: a retried call reaches the run the first
 * call started and gets its answer; nothing starts twice, not even when the calls arrive together.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, type Flowline, startBackend, startFlowline } from './helpers';

const workflow = (actions: Record<string, unknown>, trigger: Record<string, unknown> = {}) => ({
  definition: {
    contentVersion: '1.0.0.0',
    triggers: { manual: { type: 'Request', kind: 'Http', ...trigger } },
    actions,
  },
  kind: 'Stateful',
});
const call = {
  type: 'Http',
  inputs: { method: 'POST', uri: "@{appsetting('ORDERS_URL')}/orders", body: '@triggerBody()' },
};

describe('trigger calls with an Idempotency-Key', () => {
  let backend: Backend;
  let flowline: Flowline;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-idempotency-'));
    const write = (name: string, value: unknown): void =>
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(value));
    write(
      'answered',
      workflow({
        Call: call,
        Reply: {
          type: 'Response',
          kind: 'Http',
          inputs: { statusCode: 201, body: "@body('Call')" },
          runAfter: { Call: ['Succeeded'] },
        },
      }),
    );
    write('queued', workflow({ Call: call }));
    write('split', workflow({ Call: call }, { splitOn: '@triggerBody()' }));
    backend = await startBackend((c) => ({ status: 200, body: { order: c.body }, delayMs: 100 }));
    flowline = await startFlowline({ ORDERS_URL: backend.url, FLOWLINE_WORKFLOWS_DIR: dir });
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  const send = (name: string, body: unknown, key?: string): Promise<Response> =>
    fetch(`${flowline.origin}/api/workflows/${name}/triggers/manual/invoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
  const postsOf = (order: string): number =>
    backend.calls.filter((c) => JSON.stringify(c.body).includes(order)).length;

  it("answers a retried call with the first call's run and response, starting nothing", async () => {
    const first = await send('answered', { id: 'A-1' }, 'order-A-1');
    const retry = await send('answered', { id: 'A-1' }, 'order-A-1');
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(await retry.json()).toEqual(await first.json());
    const runId = first.headers.get('x-flowline-run-id');
    expect(retry.headers.get('x-flowline-run-id')).toBe(runId);
    expect(postsOf('A-1')).toBe(1);
  });

  it('starts one run for identical calls that arrive together', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() => send('answered', { id: 'B-2' }, 'order-B-2')),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.headers.get('x-flowline-run-id'))).size).toBe(1);
    expect(postsOf('B-2')).toBe(1);
  });

  it('gives 202 with the same run for a workflow without a Response, and a new run for another key', async () => {
    const first = await send('queued', { id: 'C-3' }, 'order-C-3');
    const retry = await send('queued', { id: 'C-3' }, 'order-C-3');
    const other = await send('queued', { id: 'C-3' }, 'order-C-3-again');
    expect([first.status, retry.status, other.status]).toEqual([202, 202, 202]);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(other.headers.get('location')).not.toBe(first.headers.get('location'));
  });

  it('starts a run per call without the header, as before', async () => {
    const one = await send('queued', { id: 'D-4' });
    const two = await send('queued', { id: 'D-4' });
    expect(one.headers.get('location')).not.toBe(two.headers.get('location'));
  });

  it.each([
    ['a key with a space', 'answered', 'two words', 'E-5'],
    ['a key longer than 255 characters', 'answered', 'k'.repeat(256), 'E-6'],
    ['a key on a splitOn trigger', 'split', 'batch-1', 'E-7'],
  ])('refuses %s with 400 problem details, starting nothing', async (_label, name, key, id) => {
    const response = await send(name, [{ id }], key);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(postsOf(id)).toBe(0);
  });
});
