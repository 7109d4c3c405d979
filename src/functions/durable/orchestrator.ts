/**
 * The orchestrator body: the engine driven through the Durable port, its port tasks handed to
 * durable-js, inside the trigger's concurrency gate when the trigger declares one.
 */
import type * as df from 'durable-functions';
import { interpret } from '../../engine/interpret';
import type { RunState } from '../../engine/run-state';
import type { RunInput, RunResult } from '../../engine/run-types';
import { TELEMETRY_ACTIVITY, type TelemetryActivityInput } from '../../telemetry/names';
import { acquireSlot, releaseSlot, triggerConcurrency } from './concurrency-gate';
import { durablePort } from './port';
import { STOP_PARTITIONS_ACTIVITY } from './stop-partitions';

export function* runWorkflow(context: df.OrchestrationContext): Generator<df.Task, RunResult, unknown> {
  const input = context.df.getInput<RunInput>();
  // A partition of a large loop belongs to a run that already holds its slot.
  const limits = input.partition === undefined ? triggerConcurrency(input) : undefined;
  if (limits === undefined) return yield* interpretRun(context, input);
  if (!(yield* acquireSlot(context, input.workflow, limits))) {
    return {
      status: 'Failed',
      error: {
        code: 'TooManyWaitingRuns',
        message: `Workflow '${input.workflow}' already has ${limits.maxWaiting} run(s) waiting for one of its ${limits.runs} concurrency slot(s); this run did not start.`,
      },
    };
  }
  try {
    return yield* interpretRun(context, input);
  } finally {
    yield* releaseSlot(context, input.workflow);
  }
}

function* interpretRun(
  context: df.OrchestrationContext,
  input: RunInput,
): Generator<df.Task, RunResult, unknown> {
  const port = durablePort(context);
  let state: RunState | undefined;
  const run = interpret(port, input, { onStart: (s) => (state = s) });
  let step = run.next();
  while (step.done !== true) step = run.next(yield step.value as unknown as df.Task);
  port.release();
  // A Terminate ended the run while partitions of its large loops still run: stop them too (a
  // sub-orchestration outlives its parent), as a Terminate stops the loop when it runs inline.
  const open = [...(state?.openPartitions ?? [])];
  if (open.length > 0) yield context.df.callActivity(STOP_PARTITIONS_ACTIVITY, { runIds: open });
  // Spans are emitted once, from the derived tree, after the engine returned (replay-safe); only for
  // runs that started with telemetry on, so the others pay no extra activity.
  if (input.telemetry === true) {
    const telemetry: TelemetryActivityInput = {
      runId: context.df.instanceId,
      endTime: context.df.currentUtcDateTime.toISOString(),
    };
    yield context.df.callActivity(TELEMETRY_ACTIVITY, telemetry);
  }
  return step.value;
}
