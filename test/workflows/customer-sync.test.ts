import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Backend, type Flowline, startBackend, startFlowline } from './helpers';

const PAGES = [
  [
    { id: 'c1', name: 'Ann', email: 'ANN@EXAMPLE.COM', active: true },
    { id: 'c2', name: 'Bob', email: 'bob@example.com', active: false },
    { id: 'c3', name: 'Cid', email: 'Cid@Example.com', active: true },
  ],
  [
    { id: 'c4', name: 'Dee', email: 'dee@example.com', active: true },
    { id: 'c5', name: 'Eve', email: 'eve@example.com', active: true },
  ],
  [
    { id: 'c6', name: 'Fay', email: 'fay@example.com', active: false },
    { id: 'c7', name: 'Gus', email: 'gus@example.com', active: true },
  ],
];

describe('workflows/customer-sync.json', () => {
  let source: Backend;
  let crm: Backend;
  let flowline: Flowline;

  beforeAll(async () => {
    source = await startBackend((call) => {
      const page = Number(new URL(call.path, 'http://x').searchParams.get('page') ?? 0);
      const next = page + 1 < PAGES.length ? `${source.url}/customers?page=${page + 1}` : undefined;
      return { body: { items: PAGES[page], ...(next ? { nextLink: next } : {}) } };
    });
    crm = await startBackend(() => ({ status: 200, body: { ok: true }, delayMs: 80 }));
    flowline = await startFlowline({ SOURCE_API_URL: source.url, CRM_API_URL: crm.url });
  });
  afterAll(async () => {
    await flowline.stop();
    await source.close();
    await crm.close();
  });

  it('follows nextLink through every page and pushes each active customer once, five at a time', async () => {
    const response = await flowline.invoke('customer-sync', { since: '2026-01-01' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ read: 7, pushed: 5, ids: 'c1,c3,c4,c5,c7' });
    expect(source.calls.map((c) => c.path)).toEqual([
      '/customers?since=2026-01-01',
      '/customers?page=1',
      '/customers?page=2',
    ]);
    const puts = crm.callsTo('PUT', '/contacts/');
    expect(puts.map((c) => c.path).sort()).toEqual([
      '/contacts/c1',
      '/contacts/c3',
      '/contacts/c4',
      '/contacts/c5',
      '/contacts/c7',
    ]);
    expect(puts.find((c) => c.path === '/contacts/c1')?.body).toEqual({
      name: 'Ann',
      email: 'ann@example.com',
    });
    expect(crm.maxInFlight()).toBeGreaterThan(1);
    expect(crm.maxInFlight()).toBeLessThanOrEqual(5);
  });

  it('records one iteration per page in the Until loop and one per customer in the Foreach', async () => {
    const response = await flowline.invoke('customer-sync', {});
    const view = await flowline.waitForRun('customer-sync', response.headers.get('x-flowline-run-id') ?? '');
    expect(view.status).toBe('Succeeded');
    expect(action(view, 'Read_all_pages').iterations).toHaveLength(3);
    expect(action(view, 'Read_all_pages').outputs).toEqual({ iterations: 3, stoppedBy: 'condition' });
    const pushes = action(view, 'Push_to_CRM').iterations ?? [];
    expect(pushes.map((i) => i.actions[0]?.status)).toEqual(Array(5).fill('Succeeded'));
  });
});
