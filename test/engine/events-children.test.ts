/** HttpWebhook (an external event raised into the run) and Workflow (a child run). */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/run-types';
import type { JsonObject } from '../../src/expressions/values';
import { compose, errorOf, find, http, inputOf, uriOf } from './helpers';
import { type ActivityHandler, runWorkflow, START } from './memory-port';

const MINUTE = 60_000;

describe('HttpWebhook', () => {
  const hook = (more: JsonObject = {}): JsonObject => ({
    Hook: {
      type: 'HttpWebhook',
      inputs: {
        subscribe: { method: 'POST', uri: 'subscribe', body: { callback: '@{listCallbackUrl()}' } },
        unsubscribe: { method: 'POST', uri: 'unsubscribe' },
      },
      ...more,
    },
    Next: compose('@utcNow()', { Hook: ['Succeeded', 'TimedOut'] }),
  });
  const calls = (outcome: ReturnType<typeof runWorkflow>) =>
    outcome.port.calls.map((c) => [uriOf(c.input), (c.at - START) / MINUTE]);

  it('subscribes, waits for the callback event, then unsubscribes', () => {
    const outcome = runWorkflow(inputOf(hook()), {
      events: [{ name: 'webhook:Hook', payload: { body: { approved: true } }, at: START + 5 * MINUTE }],
    });
    const record = find(outcome.actions, 'Hook');
    expect([record.status, record.outputs]).toEqual(['Succeeded', { body: { approved: true } }]);
    expect(calls(outcome)).toEqual([
      ['subscribe', 0],
      ['unsubscribe', 5],
    ]);
    expect(outcome.port.calls[0]?.input).toMatchObject({
      body: { callback: 'http://localhost:7071/api/workflows/test/runs/run-1/events/webhook%3AHook' },
    });
    expect(find(outcome.actions, 'Next').outputs).toBe('2024-01-01T00:05:00.0000000Z');
  });

  it('sends its idempotency key on both calls, telling unsubscribe apart, and the caller trace', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const outcome = runWorkflow(inputOf(hook(), {}, { traceparent }), {
      events: [{ name: 'webhook:Hook', payload: null, at: START + MINUTE }],
    });
    expect(outcome.port.calls.map((c) => c.input)).toMatchObject([
      { uri: 'subscribe', idempotencyKey: 'run-1/Hook', traceparent },
      { uri: 'unsubscribe', idempotencyKey: 'run-1/Hook/unsubscribe', traceparent },
    ]);
  });

  it('takes an event raised while subscribing, and wraps a payload without body or headers', () => {
    const activity: ActivityHandler = (input, _call, port) => {
      if (uriOf(input) === 'subscribe') port.raise('WEBHOOK:HOOK', 'plain', port.now() + MINUTE);
      return http(200);
    };
    const record = find(runWorkflow(inputOf(hook()), { activity }).actions, 'Hook');
    expect([record.status, record.outputs]).toEqual(['Succeeded', { body: 'plain' }]);
  });

  it('times out at its limit and still unsubscribes', () => {
    const outcome = runWorkflow(inputOf(hook({ limit: { timeout: 'PT2M' } })));
    expect(errorOf(find(outcome.actions, 'Hook')).code).toBe('ActionTimedOut');
    expect(calls(outcome)).toEqual([
      ['subscribe', 0],
      ['unsubscribe', 2],
    ]);
  });

  it('fails without waiting when the subscription fails', () => {
    const outcome = runWorkflow(inputOf(hook({ retryPolicy: { type: 'none' } })), {
      activity: () => http(404),
    });
    expect(errorOf(find(outcome.actions, 'Hook'))).toEqual({
      code: 'Status404',
      message: 'The webhook subscription failed: The request failed with status code 404.',
    });
    expect(calls(outcome)).toEqual([['subscribe', 0]]);
  });
});

describe('Workflow', () => {
  const child = (actions: JsonObject) => ({
    definition: { triggers: { manual: { type: 'Request', kind: 'Http' } }, actions },
  });
  const children = {
    times10: child({
      Pause: { type: 'Wait', inputs: { interval: { count: 1, unit: 'Hour' } } },
      Answer: {
        type: 'Response',
        inputs: { statusCode: 200, body: "@mul(triggerBody()?['n'], 10)" },
        runAfter: { Pause: [] },
      },
    }),
    refuses: child({ Answer: { type: 'Response', inputs: { statusCode: 503, body: 'busy' } } }),
    stops: child({
      Stop: { type: 'Terminate', inputs: { runStatus: 'Failed', runError: { code: 'No', message: 'Nope' } } },
    }),
  };
  const parent = (name: string): JsonObject => ({
    Call: { type: 'Workflow', inputs: { host: { workflow: { id: `/workflows/${name}` } }, body: { n: 4 } } },
    After: compose('@utcNow()', { Call: ['Succeeded', 'Failed'] }),
  });
  const go = (name: string, subWorkflow?: () => RunResult) =>
    runWorkflow(inputOf(parent(name), {}, { workflows: children }), subWorkflow ? { subWorkflow } : {});

  it('runs the child to its end on the same virtual clock and takes its Response as outputs', () => {
    const outcome = go('times10');
    const record = find(outcome.actions, 'Call');
    expect([record.status, record.outputs]).toEqual([
      'Succeeded',
      { statusCode: 200, headers: {}, body: 40 },
    ]);
    expect(find(outcome.actions, 'After').outputs).toBe('2024-01-01T01:00:00.0000000Z');
    const [sub] = outcome.port.children;
    expect(sub?.port.runId).toMatch(/^run-1-[0-9a-f-]{36}$/);
    expect(sub?.state.input.parentRunId).toBe('run-1');
    expect(sub?.port.statuses).toEqual([{ response: { statusCode: 200, headers: {}, body: 40 } }]);
  });

  it.for([
    [
      'answers 503',
      'refuses',
      'WorkflowRunFailed',
      "The child workflow 'refuses' answered with status code 503.",
    ],
    ['terminates as Failed', 'stops', 'No', 'Nope'],
    [
      'does not exist',
      'missing',
      'WorkflowNotFound',
      "The workflow 'missing' called by action 'Call' does not exist.",
    ],
  ] as const)('fails the action when the child workflow %s', ([_label, name, code, message]) => {
    const outcome = go(name);
    expect(errorOf(find(outcome.actions, 'Call'))).toEqual({ code, message });
    expect(find(outcome.actions, 'After').status).toBe('Succeeded');
  });

  it('takes a scripted child result', () => {
    const outcome = go('refuses', () => ({
      status: 'Succeeded',
      response: { statusCode: 202, headers: {}, body: 'ok' },
    }));
    expect(find(outcome.actions, 'Call').outputs).toEqual({ statusCode: 202, headers: {}, body: 'ok' });
    expect(outcome.port.children).toEqual([]);
  });
});
