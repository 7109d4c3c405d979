import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DurableHost, eventTypes, startDurable } from './helpers';

let d: DurableHost;
beforeAll(async () => {
  d = await startDurable('durable-basic');
});
afterAll(async () => {
  await d.stop();
});

describe('orchestrations on the embedded host', () => {
  test('a chain of three activities completes with their results and the durable-js history shape', async () => {
    const { id } = await d.start('Chain');
    const status = await d.waitFor(id ?? '');
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toEqual(['Hello Tokyo!', 'Hello Seattle!', 'Hello London!']);
    const history = d.extension.store?.history(id ?? '') ?? [];
    expect(eventTypes(history)).toEqual([
      'OrchestratorStarted',
      'ExecutionStarted',
      'TaskScheduled(0)',
      'OrchestratorCompleted',
      'OrchestratorStarted',
      'TaskCompleted',
      'TaskScheduled(1)',
      'OrchestratorCompleted',
      'OrchestratorStarted',
      'TaskCompleted',
      'TaskScheduled(2)',
      'OrchestratorCompleted',
      'OrchestratorStarted',
      'TaskCompleted',
      'ExecutionCompleted',
      'OrchestratorCompleted',
    ]);
  });

  test('fan-out/fan-in of 1,000 activities sums every result', async () => {
    const { id } = await d.start('FanOut', 1000);
    const status = await d.waitFor(id ?? '', undefined, 60_000);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: 999 * 1000 });
  }, 90_000);

  test('a failed activity is caught by the orchestrator with the extension reason text', async () => {
    const { id } = await d.start('CatchFailure');
    const status = await d.waitFor(id ?? '');
    expect(status.runtimeStatus).toBe('Completed');
    expect(status.output).toMatch(/^caught: Activity function 'Fail' failed: boom/);
  });

  test('waitForCompletionOrCreateCheckStatusResponse answers 200 with the output', async () => {
    const response = await fetch(`${d.host.origin}/api/orchestrators/Chain?wait=true`, {
      method: 'POST',
      body: '',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(['Hello Tokyo!', 'Hello Seattle!', 'Hello London!']);
  });
});
