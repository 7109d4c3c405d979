/** Design decision 4: a run keeps the definition it started with, whatever happens to the file. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, eventually, type Flowline, startBackend, startFlowline } from './helpers';

describe('pinned definitions', () => {
  let backend: Backend;
  let flowline: Flowline;
  const dir = mkdtempSync(join(tmpdir(), 'flowline-pinned-'));
  const template = readFileSync(resolve(__dirname, '../fixtures/workflows/pinned.json'), 'utf8');
  const writeVersion = (version: string): void =>
    writeFileSync(join(dir, 'pinned.json'), template.replace('"VERSION"', JSON.stringify(version)));

  beforeAll(async () => {
    writeVersion('v1');
    backend = await startBackend(() => ({ status: 200 }));
    flowline = await startFlowline({ PINNED_URL: backend.url, FLOWLINE_WORKFLOWS_DIR: dir });
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  const start = async (): Promise<{ runId: string; callback: string }> => {
    const seen = backend.calls.length;
    const response = await flowline.invoke('pinned', {});
    expect(response.status).toBe(202);
    const call = await eventually(() => backend.calls[seen]);
    return {
      runId: response.headers.get('x-flowline-run-id') ?? '',
      callback: (call.body as { callback: string }).callback,
    };
  };

  it('finishes a run in flight with the definition it started with while new runs use the edited file', async () => {
    const first = await start();
    writeVersion('v2');
    const second = await start();
    for (const run of [second, first]) await fetch(run.callback, { method: 'POST', body: '{}' });
    expect((await flowline.waitForRun('pinned', first.runId)).outputs).toEqual({ version: 'v1' });
    expect((await flowline.waitForRun('pinned', second.runId)).outputs).toEqual({ version: 'v2' });
  });

  it('shows a finished run with its own definition even after the file changed again', async () => {
    writeVersion('v3');
    const run = await start();
    await fetch(run.callback, { method: 'POST', body: '{}' });
    await flowline.waitForRun('pinned', run.runId);
    writeVersion('v4');
    const view = await flowline.run('pinned', run.runId);
    expect(view.actions.find((a) => a.name === 'Version')?.outputs).toBe('v3');
  });

  it('resubmits a finished run with the same trigger outputs and the workflow as it is now', async () => {
    writeVersion('v5');
    const run = await start();
    await fetch(run.callback, { method: 'POST', body: '{}' });
    await flowline.waitForRun('pinned', run.runId);
    writeVersion('v6');
    const seen = backend.calls.length;
    const response = await fetch(`${flowline.origin}/api/workflows/pinned/runs/${run.runId}/resubmit`, {
      method: 'POST',
    });
    expect(response.status).toBe(202);
    const again = response.headers.get('x-flowline-run-id') ?? '';
    expect(again).not.toBe(run.runId);
    const call = await eventually(() => backend.calls[seen]);
    await fetch((call.body as { callback: string }).callback, { method: 'POST', body: '{}' });
    const view = await flowline.waitForRun('pinned', again);
    expect(view.outputs).toEqual({ version: 'v6' });
    expect(view.originRunId).toBe(run.runId);
  });
});
