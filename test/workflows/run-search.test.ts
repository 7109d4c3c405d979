/**
 * Finding runs: `GET …/runs?search=` matches part of a run id or a tracked property (`name=value`,
 * nested names dotted), never the tracked properties of a secure action. On the embedded host with
 * the telemetry fixture, whose Tag_Order tracks the order and Hide_Token (secure) tracks it too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, type Flowline, startBackend, startFlowline } from './helpers';

interface Found {
  readonly value: { readonly id: string; readonly tracked?: string[] }[];
  readonly count: number;
  readonly searched: number;
}

describe('searching runs', () => {
  let backend: Backend;
  let flowline: Flowline;
  const runs = new Map<string, string>();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-search-'));
    const fixture = resolve(__dirname, '../telemetry/fixtures/traced.json');
    // The backend answers every call at once, the fixture's /flaky path included, so no run retries.
    writeFileSync(join(dir, 'traced.json'), readFileSync(fixture, 'utf8'));
    backend = await startBackend(() => ({ status: 200, body: { ok: 1 } }));
    flowline = await startFlowline({ TRACED_URL: backend.url, FLOWLINE_WORKFLOWS_DIR: dir });
    for (const order of ['A-17', 'B-42', 'C-99']) {
      const response = await flowline.invoke('traced', { order, token: 'T' });
      const runId = response.headers.get('x-flowline-run-id') ?? '';
      expect((await flowline.waitForRun('traced', runId)).status).toBe('Succeeded');
      runs.set(order, runId);
    }
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  const search = async (text: string): Promise<Found> => {
    const response = await fetch(
      `${flowline.origin}/api/workflows/traced/runs?search=${encodeURIComponent(text)}`,
    );
    expect(response.status).toBe(200);
    return (await response.json()) as Found;
  };

  it.each([
    ['a tracked value', 'b-42', ['B-42'], ['order=B-42']],
    ['a name=value pair', 'order=C', ['C-99'], ['order=C-99']],
    ['a nested tracked property', 'meta.region=eu', ['A-17', 'B-42', 'C-99'], ['meta.region=eu']],
  ])('finds runs by %s', async (_label, text, orders, tracked) => {
    const found = await search(text);
    expect(found.value.map((r) => r.id).sort()).toEqual(orders.map((o) => runs.get(o)).sort());
    for (const run of found.value) expect(run.tracked).toEqual(tracked);
    expect(found.searched).toBe(3);
  });

  it('finds a run by part of its id', async () => {
    const id = runs.get('A-17') ?? '';
    const found = await search(id.slice(4, 16).toUpperCase());
    expect(found.value.map((r) => r.id)).toEqual([id]);
  });

  it('never matches the tracked properties of a secure action', async () => {
    expect((await search('token=')).value).toEqual([]);
  });
});
