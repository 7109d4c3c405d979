import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../src/host/startHost';

/** Runs the project's own compiled Functions app (npm test builds it first) on the embedded host. */
describe('the health endpoint', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost({
      appDir: resolve(__dirname, '../..'),
      port: 0,
      store: 'memory',
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await host.stop();
  });

  it('answers GET /api/health with the app name and version', async () => {
    const response = await fetch(`${host.origin}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; app: string; version: string };
    expect(body).toEqual({
      status: 'healthy',
      app: 'flowline',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as string,
    });
  });

  it('does not answer other methods', async () => {
    const response = await fetch(`${host.origin}/api/health`, { method: 'POST' });
    expect(response.status).toBe(404);
  });
});
