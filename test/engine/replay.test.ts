/**
 * Replay safety: a run replayed with the same port inputs makes the same decisions and sees the same
 * guid(), utcNow() and rand() values; and the run view derived from its history by the replay port
 * (history/derive.ts) matches what the run did.
 */
import { describe, expect, it } from 'vitest';
import { deterministicGuid } from '../../src/engine/guid';
import { deriveRun } from '../../src/engine/history/derive';
import type { ActionRecord } from '../../src/engine/run-types';
import type { JsonObject } from '../../src/expressions/values';
import { compose, find, http, httpAction, inputOf, uriOf } from './helpers';
import { type ActivityHandler, runWorkflow } from './memory-port';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** `flaky` fails twice with 503, `slow` takes 2 s, everything else answers 200 with its uri. */
function handler(): ActivityHandler {
  let flaky = 0;
  return (input) => {
    const uri = uriOf(input);
    if (uri === 'flaky' && flaky++ < 2) return http(503);
    return http(200, { afterMs: uri === 'slow' ? 2000 : 0, body: uri });
  };
}

const workflow: JsonObject = {
  Ids: compose({ a: '@guid()', b: '@guid()', now: '@utcNow()', roll: '@rand(0, 1000000)' }),
  Flaky: httpAction('flaky', { retryPolicy: { type: 'exponential', count: 3, interval: 'PT10S' } }),
  Slow: httpAction('slow'),
  Pause: {
    type: 'Wait',
    inputs: { interval: { count: 1, unit: 'Hour' } },
    runAfter: { Flaky: [], Slow: [] },
  },
  Loop: {
    type: 'Foreach',
    foreach: '@range(0, 3)',
    actions: { Item: httpAction('item-@{item()}'), Id: compose('@guid()', { Item: [] }) },
    runAfter: { Pause: [] },
  },
  Later: compose({ id: '@guid()', now: '@utcNow()' }, { Loop: [] }),
  Missing: httpAction('never', { runAfter: { Later: ['Failed'] } }),
};

/** Name, status, outputs and times of every action in the tree, for comparing two views of a run. */
function shape(records: readonly ActionRecord[]): unknown[] {
  return records.map((r) => ({
    name: r.name,
    status: r.status,
    outputs: r.outputs,
    startTime: r.startTime,
    endTime: r.endTime,
    retries: r.retryHistory?.length,
    children: r.children && shape(r.children),
    iterations: r.iterations?.map(shape),
  }));
}

describe('replay safety', () => {
  it('gives the same guid(), utcNow() and rand() values when the same run is replayed', () => {
    const first = runWorkflow(inputOf(workflow), { activity: handler() });
    const second = runWorkflow(inputOf(workflow), { activity: handler() });
    expect(shape(second.actions)).toEqual(shape(first.actions));
    expect(second.port.calls).toEqual(first.port.calls);
    expect(second.port.timers).toEqual(first.port.timers);
    const ids = find(first.actions, 'Ids').outputs as JsonObject;
    expect(ids.a).toBe(deterministicGuid('run-1', 0));
    expect(ids.b).toBe(deterministicGuid('run-1', 1));
    expect(ids.now).toBe('2024-01-01T00:00:00.0000000Z');
  });

  it('reads utcNow() off the run clock, which moves only with durable tasks', () => {
    const run = runWorkflow(inputOf(workflow), { activity: handler() });
    const pauseEnd = Math.max(...run.port.calls.slice(0, 4).map((c) => c.endAt ?? NaN)) + 3_600_000;
    expect(run.port.timers.at(-1)?.fireAt).toBe(pauseEnd);
    expect((find(run.actions, 'Later').outputs as JsonObject).now).toBe(
      new Date(pauseEnd).toISOString().replace('Z', '0000Z'),
    );
  });

  it('gives other values in another run', () => {
    const one = find(runWorkflow(inputOf(workflow), { activity: handler() }).actions, 'Ids').outputs;
    const two = find(
      runWorkflow(inputOf(workflow), { activity: handler(), runId: 'run-2' }).actions,
      'Ids',
    ).outputs;
    expect((two as JsonObject).a).not.toBe((one as JsonObject).a);
    expect((two as JsonObject).now).toBe((one as JsonObject).now);
  });

  it('derives GUIDs that are distinct, well-formed v4 UUIDs', () => {
    const ids = Array.from({ length: 200 }, (_, i) => deterministicGuid('run-1', i));
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(200);
    expect(deterministicGuid('run-1', 7)).toBe(deterministicGuid('run-1', 7));
  });
});

describe('deriveRun', () => {
  const input = inputOf(workflow);

  it('rebuilds the same action tree and result from the history of a finished run', () => {
    const run = runWorkflow(input, { activity: handler() });
    const derived = deriveRun('run-1', input, run.port.history);
    expect(derived.result).toEqual(run.result);
    expect(shape(derived.actions)).toEqual(shape(run.actions));
    expect(find(derived.actions, 'Flaky').retryHistory?.map((r) => r.code)).toEqual([
      'Status503',
      'Status503',
    ]);
    expect(find(derived.actions, 'Missing').status).toBe('Skipped');
  });

  it('shows the actions not finished as Running while the run is in flight', () => {
    const run = runWorkflow(input, { activity: handler() });
    const history = run.port.history;
    const pauseFired = history.findLastIndex((e) => e.EventType === 'TimerFired');
    expect(history[pauseFired + 1]?.Input).toContain('item-0');
    // The history ends after the Pause timer fired and the first loop item answered.
    const derived = deriveRun('run-1', input, history.slice(0, pauseFired + 2));
    expect(derived.result).toBeUndefined();
    expect(derived.actions.map((r) => [r.name, r.status])).toEqual([
      ['Ids', 'Succeeded'],
      ['Flaky', 'Succeeded'],
      ['Slow', 'Succeeded'],
      ['Pause', 'Succeeded'],
      ['Loop', 'Running'],
    ]);
    const iterations = find(derived.actions, 'Loop').iterations ?? [];
    expect(iterations.map((records) => records.map((r) => `${r.name}:${r.status}`))).toEqual([
      ['Item:Succeeded', 'Id:Succeeded'],
      ['Item:Running'],
      ['Item:Running'],
    ]);
  });
});
