/**
 * Results that arrive together go into one orchestrator episode, as the extension's batched dequeue
 * does; one episode per result made a Foreach of 1,000 items replay its history 1,000 times.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventType } from '../../../src/host/durable/history';
import { type Backend, type Flowline, startBackend, startFlowline } from '../../workflows/helpers';

describe('episode batching', () => {
  let backend: Backend;
  let flowline: Flowline;
  beforeAll(async () => {
    backend = await startBackend(() => ({ status: 200 }));
    flowline = await startFlowline({
      FLOWLINE_WORKFLOWS_DIR: resolve(__dirname, '../../fixtures/batching'),
      BATCH_URL: backend.url,
    });
  });
  afterAll(async () => {
    await flowline.stop();
    await backend.close();
  });

  it('replays a 50-way Foreach in far fewer episodes than it has activity results', async () => {
    const response = await flowline.invoke('each-50', {});
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    expect((await flowline.waitForRun('each-50', runId)).status).toBe('Succeeded');
    expect(backend.calls).toHaveLength(50);
    const history = flowline.durable.store?.history(runId) ?? [];
    const episodes = history.filter((e) => e.EventType === EventType.OrchestratorStarted).length;
    // One episode per result would be 51 (the first schedules all 50 calls).
    expect(episodes).toBeLessThan(40);
  });
});
