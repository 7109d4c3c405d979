/** Drives one run of the engine on the harness port: mocks or real connectors, virtual time, child runs. */
import { withSecrets } from '../connectors/activity';
import { executeHttp, type HttpCallInput } from '../connectors/http/index';
import { HTTP_ACTIVITY } from '../engine/activities';
import { partitionedLoops, spliceIterations } from '../engine/history/derive-tree';
import { interpret } from '../engine/interpret';
import type { ActivityCallInfo } from '../engine/port';
import type { RunState } from '../engine/run-state';
import type { RunInput, RunResult } from '../engine/run-types';
import type { JsonValue } from '../expressions/values';
import { connectorResult, mockResult, type MockCall } from './mocks';
import { HarnessPort } from './port';
import { TestRun } from './run';
import type { RunOptions } from './workflow';

const realHttp = withSecrets((input: HttpCallInput) => executeHttp(input));

export async function execute(input: RunInput, options: RunOptions, start?: number): Promise<TestRun> {
  const runId = options.runId ?? 'test-run';
  const begin = start ?? Date.parse(options.startTime ?? new Date().toISOString());
  const counts = new Map<string, number>();
  const answer = async (activity: string, inputs: JsonValue, call: ActivityCallInfo | undefined) => {
    const action = call?.action ?? activity;
    const mock = options.mocks?.[action] ?? options.defaultMock;
    if (mock === undefined) return { value: await unmocked(activity, inputs, action, options), delayMs: 0 };
    const index = counts.get(action) ?? 0;
    counts.set(action, index + 1);
    const info: MockCall = {
      action,
      type: call?.type ?? '',
      path: call?.path ?? '',
      attempt: call?.attempt ?? 1,
      activity,
      inputs,
      index,
    };
    const result = await mockResult(mock, info);
    return { value: connectorResult(activity, result), delayMs: result.delayMs ?? 0 };
  };
  const events = (options.events ?? []).map((e) => ({
    name: e.name,
    payload: (e.payload ?? null) as JsonValue,
    at: begin + (e.afterMs ?? 0),
  }));
  const children: TestRun[] = [];
  const partitions = new Map<string, TestRun>();
  const port = new HarnessPort(
    runId,
    begin,
    answer,
    events,
    async (childInput, childRunId, at) => {
      const child = await execute(
        childInput as unknown as RunInput,
        { ...options, runId: childRunId, events: [] },
        at,
      );
      // A partition of a large loop is not a child workflow: its iterations go back into the loop.
      if ((childInput as unknown as RunInput).partition === undefined) children.push(child);
      else partitions.set(childRunId, child);
      return { value: child.result as unknown as JsonValue, end: child.endTime };
    },
    options.appSettings ?? {},
  );
  let state: RunState | undefined;
  const run = interpret(port, input, { onStart: (s) => (state = s) });
  let result: RunResult;
  for (let step = run.next(); ; step = run.next()) {
    if (step.done === true) {
      result = step.value;
      break;
    }
    await port.settle(step.value);
  }
  if (state === undefined) throw new Error('The engine never started the run.');
  for (const { record, ref } of partitionedLoops(state.root.ordered)) {
    const loop = partitions.get(ref.runId)?.actions[0];
    if (loop !== undefined) spliceIterations(record, ref, loop);
  }
  return new TestRun(runId, result, state, port, begin, children);
}

function unmocked(
  activity: string,
  inputs: JsonValue,
  action: string,
  options: RunOptions,
): Promise<JsonValue> {
  if (options.unmocked === 'real' && activity === HTTP_ACTIVITY) {
    return realHttp(inputs) as unknown as Promise<JsonValue>;
  }
  const why =
    options.unmocked === 'real'
      ? `only Http actions can call real services from the harness (this is ${activity})`
      : "give it a mock, or let it call the real service (`unmocked: 'real'`, or `flowline run --real`)";
  return Promise.resolve({
    ok: false,
    retryable: false,
    error: { code: 'NotMocked', message: `Action '${action}' has no mock: ${why}.` },
  });
}
