import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DurableHost, eventTypes, startDurable } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'flowline-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['memory', 'sqlite'])('with the %s store', (kind) => {
  let d: DurableHost;
  beforeAll(async () => {
    d = await startDurable('durable-basic', { store: kind === 'memory' ? 'memory' : join(dir, 'store.db') });
  });
  afterAll(async () => {
    await d.stop();
  });

  const history = (id: string): string[] => eventTypes(d.extension.store?.history(id) ?? []);
  const raise = (id: string, name: string, value: unknown): Promise<Response> =>
    d.api(`instances/${id}/raiseEvent/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(value),
    });

  describe('retries', () => {
    test('an activity retried until it succeeds follows the durable-js retry history (attempt, timer, attempt)', async () => {
      const calls = Number(await (await fetch(`${d.host.origin}/api/calls/FlakyUntil`)).json());
      const { id = '' } = await d.start('Retry', { until: calls + 2, attempts: 3 });
      const status = await d.waitFor(id);
      expect(status).toMatchObject({ runtimeStatus: 'Completed', output: `ok after ${calls + 2}` });
      expect(history(id)).toEqual([
        'OrchestratorStarted',
        'ExecutionStarted',
        'TaskScheduled(0)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TaskFailed',
        'TimerCreated(1)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TimerFired',
        'TaskScheduled(2)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TaskCompleted',
        'ExecutionCompleted',
        'OrchestratorCompleted',
      ]);
    });

    test('retry exhaustion waits for the trailing timer, then the orchestrator catches the last failure', async () => {
      const { id = '' } = await d.start('Retry', { until: 1_000_000, attempts: 2 });
      const status = await d.waitFor(id);
      expect(status.runtimeStatus).toBe('Completed');
      expect(status.output).toMatch(/^gave up: Activity function 'FlakyUntil' failed: attempt \d+ failed/);
      expect(history(id)).toEqual([
        'OrchestratorStarted',
        'ExecutionStarted',
        'TaskScheduled(0)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TaskFailed',
        'TimerCreated(1)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TimerFired',
        'TaskScheduled(2)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TaskFailed',
        'TimerCreated(3)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TimerFired',
        'ExecutionCompleted',
        'OrchestratorCompleted',
      ]);
    });
  });

  describe('timers and events', () => {
    test('a durable timer fires no earlier than its fire time', async () => {
      const { id = '' } = await d.start('Timer');
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: true });
      expect(history(id)).toContain('TimerCreated(0)');
    });

    test('Task.any of an event and a timer: the event wins and the cancelled timer does not hold the instance', async () => {
      const { id = '' } = await d.start('Approval', 60_000);
      await d.waitFor(id, ['Running']);
      await new Promise((r) => setTimeout(r, 100));
      expect((await raise(id, 'Approve', 'yes')).status).toBe(202);
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'approved: yes' });
    });

    test('Task.any of an event and a timer: the timer wins when no event comes', async () => {
      const { id = '' } = await d.start('Approval', 200);
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'timed out' });
    });

    test('an activity winning against an uncancelled timer: ids as in durable-js, Running until the timer fires', async () => {
      const { id = '' } = await d.start('TimerActivityRace');
      for (let i = 0; i < 100 && !history(id).includes('TaskScheduled(2)'); i++)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect((await d.status(id)).runtimeStatus).toBe('Running');
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'Hello after!' });
      expect(history(id)).toEqual([
        'OrchestratorStarted',
        'ExecutionStarted',
        'TimerCreated(0)',
        'TaskScheduled(1)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TaskCompleted',
        'TaskScheduled(2)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TaskCompleted',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TimerFired',
        'ExecutionCompleted',
        'OrchestratorCompleted',
      ]);
    });

    test('an event raised before the orchestrator waits for it is buffered and delivered', async () => {
      const { id = '' } = await d.start('WaitEvent');
      expect((await raise(id, 'Go', { early: true })).status).toBe(202);
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: { early: true } });
    });

    test('raising an event on a finished instance answers 410 and on an unknown one 404', async () => {
      const { id = '' } = await d.start('Chain');
      await d.waitFor(id);
      expect((await raise(id, 'Go', 1)).status).toBe(410);
      expect((await raise('no-such-instance', 'Go', 1)).status).toBe(404);
    });
  });

  describe('sub-orchestrations and continue-as-new', () => {
    test('a parent gets a child result and catches a failing child with its reason', async () => {
      const { id = '' } = await d.start('Parent');
      const status = await d.waitFor(id);
      expect(status.runtimeStatus).toBe('Completed');
      expect(status.output).toMatchObject({
        child: ['Hello Tokyo!', 'Hello Seattle!', 'Hello London!'],
        failure: expect.stringMatching(
          /Orchestrator function 'CatchlessFail' failed: Activity function 'Fail' failed: child boom/,
        ) as unknown,
      });
      expect(history(id).slice(0, 3)).toEqual([
        'OrchestratorStarted',
        'ExecutionStarted',
        'SubOrchestrationInstanceCreated(0)',
      ]);
    });

    test('a sub-orchestration retried until exhaustion creates a child per attempt with retry timers between', async () => {
      const { id = '' } = await d.start('ParentRetry');
      const status = await d.waitFor(id);
      expect(status.output).toMatch(
        /^caught: Orchestrator function 'CatchlessFail' failed: Activity function 'Fail' failed: again/,
      );
      expect(history(id).filter((e) => !e.startsWith('Orchestrator'))).toEqual([
        'ExecutionStarted',
        'SubOrchestrationInstanceCreated(0)',
        'SubOrchestrationInstanceFailed',
        'TimerCreated(1)',
        'TimerFired',
        'SubOrchestrationInstanceCreated(2)',
        'SubOrchestrationInstanceFailed',
        'TimerCreated(3)',
        'TimerFired',
        'ExecutionCompleted',
      ]);
    });

    test('events raised together reach the next executions after continue-as-new (carry-over)', async () => {
      const { id = '' } = await d.start('Accumulate', 0);
      await d.waitFor(id, ['Running']);
      await Promise.all([1, 2, 3].map(() => raise(id, 'add', 1)));
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 3 });
    });

    test('continue-as-new restarts the history with the new input until the loop ends', async () => {
      const { id = '' } = await d.start('Loop', 0);
      expect(await d.waitFor(id)).toMatchObject({
        runtimeStatus: 'Completed',
        output: 'done at 3',
        input: 3,
      });
      expect(history(id)).toEqual([
        'OrchestratorStarted',
        'ExecutionStarted',
        'TaskScheduled(0)',
        'OrchestratorCompleted',
        'OrchestratorStarted',
        'TaskCompleted',
        'ExecutionCompleted',
        'OrchestratorCompleted',
      ]);
    });
  });

  describe('entities', () => {
    test('an orchestration signals and calls a counter entity; the client reads and signals it', async () => {
      const { id = '' } = await d.start('UseCounter', 'c1');
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 15 });
      expect(history(id).slice(0, 4)).toEqual([
        'OrchestratorStarted',
        'ExecutionStarted',
        'EventSent(0)',
        'EventSent(1)',
      ]);
      const read = await d.api('entities/Counter/c1');
      expect(read.status).toBe(200);
      expect(await read.json()).toBe(15);
      const signal = await d.api('entities/Counter/c1?op=add', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '7',
      });
      expect(signal.status).toBe(202);
      for (let i = 0; i < 100; i++) {
        if ((await (await d.api('entities/Counter/c1')).json()) === 22) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await (await d.api('entities/Counter/c1')).json()).toBe(22);
      expect((await d.api('entities/Counter/nobody')).status).toBe(404);
    });
  });

  describe('management', () => {
    test('terminate ends a running instance with the reason as output', async () => {
      const { id = '' } = await d.start('Forever');
      await d.waitFor(id, ['Running']);
      expect((await d.api(`instances/${id}/terminate?reason=enough`, { method: 'POST' })).status).toBe(202);
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Terminated', output: 'enough' });
      expect((await d.api(`instances/${id}/terminate?reason=again`, { method: 'POST' })).status).toBe(410);
    });

    test('a suspended instance holds its events until resumed', async () => {
      const { id = '' } = await d.start('Suspendable');
      await d.waitFor(id, ['Running']);
      expect((await d.api(`instances/${id}/suspend?reason=pause`, { method: 'POST' })).status).toBe(202);
      await d.waitFor(id, ['Suspended']);
      await raise(id, 'Go', 'Paris');
      await new Promise((r) => setTimeout(r, 200));
      expect((await d.status(id)).runtimeStatus).toBe('Suspended');
      expect((await d.api(`instances/${id}/resume?reason=go`, { method: 'POST' })).status).toBe(202);
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'Hello Paris!' });
    });

    test('status with showHistory lists named events, and purge deletes the instance', async () => {
      const { id = '' } = await d.start('Chain', undefined, 'purge-me');
      await d.waitFor(id);
      const status = await d.status(id, '?showHistory=true&showHistoryOutput=true');
      expect(status.historyEvents?.map((e) => e['EventType'])).toEqual([
        'ExecutionStarted',
        'TaskCompleted',
        'TaskCompleted',
        'TaskCompleted',
        'ExecutionCompleted',
      ]);
      expect(status.historyEvents?.[1]).toMatchObject({ FunctionName: 'Hello', Result: '"Hello Tokyo!"' });
      const purge = await d.api(`instances/${id}`, { method: 'DELETE' });
      expect(await purge.json()).toEqual({ instancesDeleted: 1 });
      expect((await d.api(`instances/${id}`)).status).toBe(404);
    });

    test('listing pages with a continuation token and filters by status', async () => {
      const first = await d.api('instances?top=2&runtimeStatus=Completed');
      expect(first.status).toBe(200);
      expect(((await first.json()) as unknown[]).length).toBe(2);
      const token = first.headers.get('x-ms-continuation-token');
      expect(token).toBeTruthy();
      const next = await d.api('instances?top=1000&runtimeStatus=Completed', {
        headers: { 'x-ms-continuation-token': token ?? '' },
      });
      expect(next.headers.get('x-ms-continuation-token')).toBeNull();
      const rows = (await next.json()) as { runtimeStatus: string }[];
      expect(rows.every((r) => r.runtimeStatus === 'Completed')).toBe(true);
    });

    test('purge by filter deletes matching finished instances and needs createdTimeFrom', async () => {
      const { id = '' } = await d.start('Chain', undefined, 'filter-purge-1');
      await d.waitFor(id);
      expect((await d.api('instances?runtimeStatus=Completed', { method: 'DELETE' })).status).toBe(400);
      const from = new Date(Date.now() - 3_600_000).toISOString();
      const purge = await d.api(`instances?createdTimeFrom=${from}&runtimeStatus=Completed`, {
        method: 'DELETE',
      });
      expect(purge.status).toBe(200);
      expect(((await purge.json()) as { instancesDeleted: number }).instancesDeleted).toBeGreaterThanOrEqual(
        1,
      );
      expect((await d.api(`instances/${id}`)).status).toBe(404);
      const again = await d.api(`instances?createdTimeFrom=${from}&runtimeStatus=Completed`, {
        method: 'DELETE',
      });
      expect(again.status).toBe(404);
    });

    test('starting with ?timeout= waits server-side: 200 with the output, or 202 when the time runs out', async () => {
      const done = await d.api('orchestrators/Chain?timeout=10&pollingInterval=0.05', { method: 'POST' });
      expect(done.status).toBe(200);
      expect(await done.json()).toEqual(['Hello Tokyo!', 'Hello Seattle!', 'Hello London!']);
      const pending = await d.api('orchestrators/Forever?timeout=0.2&pollingInterval=0.05', {
        method: 'POST',
      });
      expect(pending.status).toBe(202);
      expect(pending.headers.get('location')).toMatch(/\/runtime\/webhooks\/durabletask\/instances\//);
    });

    test.each([
      ['a start body that is not JSON', 'orchestrators/Chain', { body: '{oops' }],
      [
        'an event without a JSON content type',
        'instances/any/raiseEvent/Go',
        { body: '1', headers: { 'content-type': 'text/plain' } },
      ],
    ])('%s answers 400', async (_name, path, init) => {
      expect((await d.api(path, { method: 'POST', ...init })).status).toBe(400);
    });

    test('restart starts the same orchestrator with the same input under a new id, or the same id when asked', async () => {
      const { id = '' } = await d.start('Loop', 3);
      await d.waitFor(id);
      const fresh = await d.api(`instances/${id}/restart`, { method: 'POST' });
      expect(fresh.status).toBe(202);
      const { id: newId = '' } = (await fresh.json()) as { id?: string };
      expect(newId).not.toBe(id);
      expect(await d.waitFor(newId)).toMatchObject({
        runtimeStatus: 'Completed',
        input: 3,
        output: 'done at 3',
      });
      const same = await d.api(`instances/${id}/restart?restartWithNewInstanceId=false`, { method: 'POST' });
      expect(((await same.json()) as { id?: string }).id).toBe(id);
      expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'done at 3' });
    });

    test('custom status set by the orchestrator shows in the status while running and after completion', async () => {
      const { id = '' } = await d.start('Progress');
      for (let i = 0; i < 100 && (await d.status(id)).customStatus === null; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(await d.status(id)).toMatchObject({
        runtimeStatus: 'Running',
        customStatus: { stage: 'waiting' },
      });
      await raise(id, 'Go', 1);
      expect(await d.waitFor(id)).toMatchObject({ customStatus: { stage: 'done' }, output: 'ok' });
    });

    test('rewind answers 501 (not supported by this storage provider)', async () => {
      const { id = '' } = await d.start('Chain');
      await d.waitFor(id);
      expect((await d.api(`instances/${id}/rewind?reason=x`, { method: 'POST' })).status).toBe(501);
    });
  });

  describe('nondeterminism and callHttp', () => {
    test('scheduling an activity that does not exist fails the orchestration itself, as the extension does', async () => {
      const { id = '' } = await d.start('CallsMissing');
      const status = await d.waitFor(id);
      expect(status.runtimeStatus).toBe('Failed');
      expect(status.output).toMatch(
        /^Orchestrator function 'CallsMissing' failed: The function 'NoSuchActivity' doesn't exist, is disabled, or is not an activity function/,
      );
    });

    test('an orchestrator that schedules a different activity on replay fails with the extension message', async () => {
      const { id = '' } = await d.start('Drifting');
      await d.waitFor(id, ['Running']);
      await new Promise((r) => setTimeout(r, 100));
      await fetch(`${d.host.origin}/api/drift`, { method: 'POST' });
      await raise(id, 'Go', 1);
      const status = await d.waitFor(id);
      expect(status.runtimeStatus).toBe('Failed');
      expect(status.output).toMatch(
        /^Non-Deterministic workflow detected: .*sequence number 0 named 'Hello'.*'Double'/,
      );
    });

    test('callHttp polls a 202 Location until the loopback server answers 200', async () => {
      let polls = 0;
      const server: Server = createServer((req, res) => {
        if (req.url === '/start') {
          res.writeHead(202, {
            location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/poll`,
            'retry-after': '0',
          });
          res.end();
        } else if (++polls < 3) {
          res.writeHead(202, {
            location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/poll`,
            'retry-after': '1',
          });
          res.end();
        } else {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('finished');
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/start`;
        const { id = '' } = await d.start('Polling', url);
        expect(await d.waitFor(id, undefined, 20_000)).toMatchObject({
          runtimeStatus: 'Completed',
          output: { status: 200, body: 'finished' },
        });
        expect(polls).toBe(3);
      } finally {
        server.close();
      }
    }, 30_000);
  });
});
