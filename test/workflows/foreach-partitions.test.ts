/**
 * A large Foreach on the embedded host runs in partitions (FLOWLINE_FOREACH_PARTITION=50 here):
 * every item is called once, the loop's concurrency holds across partitions, the run view shows
 * every iteration (read from the partitions' histories), partitions stay out of the run list, and
 * cancelling the run stops its partitions. A long Until (FLOWLINE_UNTIL_PARTITION=10) goes on in
 * partitions too.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Backend, eventually, type Flowline, startBackend, startFlowline } from './helpers';

const loop = (path: string, respond: boolean): unknown => ({
  definition: {
    $schema:
      'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
    contentVersion: '1.0.0.0',
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      Init: {
        type: 'InitializeVariable',
        inputs: { variables: [{ name: 'count', type: 'Integer', value: 0 }] },
      },
      Loop: {
        type: 'Foreach',
        foreach: '@range(0, 300)',
        runtimeConfiguration: { concurrency: { repetitions: 10 } },
        runAfter: { Init: ['Succeeded'] },
        actions: {
          Call: {
            type: 'Http',
            inputs: { method: 'GET', uri: `@{appsetting('ITEMS_URL')}/${path}/@{item()}` },
          },
          Count: { type: 'IncrementVariable', inputs: { name: 'count' }, runAfter: { Call: ['Succeeded'] } },
        },
      },
      ...(respond
        ? {
            Reply: {
              type: 'Response',
              kind: 'Http',
              inputs: { statusCode: 200, body: { count: "@variables('count')" } },
              runAfter: { Loop: ['Succeeded'] },
            },
          }
        : {}),
    },
  },
  kind: 'Stateful',
});

const longUntil = {
  definition: {
    contentVersion: '1.0.0.0',
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'n', type: 'Integer', value: 0 }] } },
      Again: {
        type: 'Until',
        expression: "@equals(variables('n'), 30)",
        limit: { count: 100 },
        runAfter: { Init: ['Succeeded'] },
        actions: {
          Call: {
            type: 'Http',
            inputs: { method: 'GET', uri: "@{appsetting('ITEMS_URL')}/until/@{variables('n')}" },
          },
          Inc: { type: 'IncrementVariable', inputs: { name: 'n' }, runAfter: { Call: ['Succeeded'] } },
        },
      },
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 200, body: { n: "@variables('n')", loop: "@outputs('Again')" } },
        runAfter: { Again: ['Succeeded'] },
      },
    },
  },
  kind: 'Stateful',
};

/** A 300-item loop next to a branch that waits a second, then terminates the run. */
const terminateEarly = {
  definition: {
    contentVersion: '1.0.0.0',
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      Loop: {
        type: 'Foreach',
        foreach: '@range(0, 300)',
        runtimeConfiguration: { concurrency: { repetitions: 10 } },
        actions: {
          Call: {
            type: 'Http',
            inputs: { method: 'GET', uri: "@{appsetting('ITEMS_URL')}/slower/@{item()}" },
          },
        },
      },
      Pause: { type: 'Wait', inputs: { interval: { count: 1, unit: 'Second' } } },
      Stop: { type: 'Terminate', inputs: { runStatus: 'Cancelled' }, runAfter: { Pause: ['Succeeded'] } },
    },
  },
  kind: 'Stateful',
};

interface InstanceStatus {
  readonly runtimeStatus: string;
}

describe('a Foreach of 300 items in partitions of 50 on the embedded host', () => {
  let backend: Backend;
  let flowline: Flowline;

  beforeAll(async () => {
    backend = await startBackend((call) => ({
      body: { path: call.path },
      delayMs: call.path.startsWith('/slow/') ? 40 : call.path.startsWith('/slower/') ? 60 : 2,
    }));
    const dir = mkdtempSync(join(tmpdir(), 'flowline-partitions-'));
    writeFileSync(join(dir, 'many.json'), JSON.stringify(loop('fast', true)));
    writeFileSync(join(dir, 'slow-many.json'), JSON.stringify(loop('slow', false)));
    writeFileSync(join(dir, 'long-until.json'), JSON.stringify(longUntil));
    writeFileSync(join(dir, 'terminate-early.json'), JSON.stringify(terminateEarly));
    flowline = await startFlowline({
      ITEMS_URL: backend.url,
      FLOWLINE_WORKFLOWS_DIR: dir,
      FLOWLINE_FOREACH_PARTITION: '50',
      FLOWLINE_UNTIL_PARTITION: '10',
    });
  });
  afterAll(async () => {
    await flowline?.stop();
    await backend?.close();
  });

  const instance = async (id: string): Promise<InstanceStatus> => {
    const response = await fetch(`${flowline.origin}/runtime/webhooks/durabletask/instances/${id}`);
    return (await response.json()) as InstanceStatus;
  };

  it('calls every item once, keeps the loop concurrency and shows all 300 iterations', async () => {
    const response = await flowline.invoke('many', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ count: 300 });
    const calls = backend.calls.filter((c) => c.path.startsWith('/fast/')).map((c) => c.path);
    expect(calls).toHaveLength(300);
    expect(new Set(calls).size).toBe(300);
    expect(backend.maxInFlight()).toBeLessThanOrEqual(10);

    const runId = response.headers.get('x-flowline-run-id') ?? '';
    const view = await flowline.waitForRun('many', runId);
    expect(view.status).toBe('Succeeded');
    const each = action(view, 'Loop') as ReturnType<typeof action> & { partitions?: { runId: string }[] };
    expect(each.partitions).toHaveLength(6);
    const iterations = each.iterations ?? [];
    expect(iterations.map((i) => i.index)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    // Full records, read from the partitions' histories: the parent keeps only compact ones.
    expect(iterations.map((i) => (i.actions[0]?.outputs as { body?: unknown })?.body)).toEqual(
      Array.from({ length: 300 }, (_, i) => ({ path: `/fast/${i}` })),
    );
    const list = (await (await fetch(`${flowline.origin}/api/workflows/many/runs`)).json()) as {
      value: { id: string }[];
    };
    expect(list.value.map((r) => r.id)).toContain(runId);
    expect(list.value.every((r) => !r.id.includes('~'))).toBe(true);
  });

  it('keeps the partition size it started with when the setting changes during the run', async () => {
    const pending = flowline.invoke('many', {});
    await new Promise((done) => setTimeout(done, 50));
    process.env['FLOWLINE_FOREACH_PARTITION'] = '100000';
    try {
      const response = await pending;
      expect(await response.json()).toEqual({ count: 300 });
      const view = await flowline.waitForRun('many', response.headers.get('x-flowline-run-id') ?? '');
      expect((action(view, 'Loop') as { partitions?: unknown[] }).partitions).toHaveLength(6);
      expect(action(view, 'Loop').iterations).toHaveLength(300);
    } finally {
      process.env['FLOWLINE_FOREACH_PARTITION'] = '50';
    }
  });

  it('runs an Until of 30 iterations as 10 inline and two partitions of 10, and shows all 30', async () => {
    const response = await flowline.invoke('long-until', {});
    expect(await response.json()).toEqual({ n: 30, loop: { iterations: 30, stoppedBy: 'condition' } });
    const calls = backend.calls.filter((c) => c.path.startsWith('/until/')).map((c) => c.path);
    expect(calls).toEqual(Array.from({ length: 30 }, (_, i) => `/until/${i}`));
    const view = await flowline.waitForRun('long-until', response.headers.get('x-flowline-run-id') ?? '');
    const again = action(view, 'Again') as ReturnType<typeof action> & {
      partitions?: { first: number; count: number }[];
    };
    expect(again.partitions?.map((p) => [p.first, p.count])).toEqual([
      [10, 10],
      [20, 10],
    ]);
    expect((again.iterations ?? []).map((i) => i.actions.map((a) => a.status).join())).toEqual(
      Array.from({ length: 30 }, () => 'Succeeded,Succeeded'),
    );
  });

  it('stops the partitions when the run is cancelled', async () => {
    const response = await flowline.invoke('slow-many', {});
    expect(response.status).toBe(202);
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    const slow = (): number => backend.calls.filter((c) => c.path.startsWith('/slow/')).length;
    await eventually(() => (slow() >= 70 ? true : undefined), 30_000);
    const cancel = await fetch(`${flowline.origin}/api/workflows/slow-many/runs/${runId}/cancel`, {
      method: 'POST',
    });
    expect(cancel.status).toBe(202);
    const view = await flowline.waitForRun('slow-many', runId);
    expect(view.status).toBe('Cancelled');
    const refs = (action(view, 'Loop') as { partitions?: { runId: string }[] }).partitions ?? [];
    expect(refs.length).toBeGreaterThanOrEqual(2);
    const statuses = await Promise.all(refs.map((ref) => instance(ref.runId)));
    expect(statuses.map((s) => s.runtimeStatus).at(-1)).toBe('Terminated');
    expect(statuses.every((s) => ['Completed', 'Terminated'].includes(s.runtimeStatus))).toBe(true);
    // No call starts after the partitions ended (those in flight may still answer).
    const after = slow();
    await new Promise((done) => setTimeout(done, 400));
    expect(slow()).toBe(after);
    expect(after).toBeLessThan(300);
  });

  it('stops the running partition when a Terminate elsewhere in the run ends it', async () => {
    const response = await flowline.invoke('terminate-early', {});
    const runId = response.headers.get('x-flowline-run-id') ?? '';
    const view = await flowline.waitForRun('terminate-early', runId);
    expect(view.status).toBe('Cancelled');
    const refs = (action(view, 'Loop') as { partitions?: { runId: string }[] }).partitions ?? [];
    const last = await eventually(async () => {
      const status = await instance(refs.at(-1)?.runId ?? '');
      return status.runtimeStatus === 'Running' ? undefined : status.runtimeStatus;
    });
    expect(last).toBe('Terminated');
    const slower = (): number => backend.calls.filter((c) => c.path.startsWith('/slower/')).length;
    const after = slower();
    await new Promise((done) => setTimeout(done, 400));
    expect(slower()).toBe(after);
    expect(after).toBeLessThan(300);
  });
});
