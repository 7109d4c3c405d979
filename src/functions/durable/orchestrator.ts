/** The orchestrator body: the engine driven through the Durable port, its port tasks handed to durable-js. */
import type * as df from 'durable-functions';
import { interpret } from '../../engine/interpret';
import type { RunInput, RunResult } from '../../engine/run-types';
import { durablePort } from './port';

export function* runWorkflow(context: df.OrchestrationContext): Generator<df.Task, RunResult, unknown> {
  const port = durablePort(context);
  const run = interpret(port, context.df.getInput<RunInput>());
  let step = run.next();
  while (step.done !== true) step = run.next(yield step.value as unknown as df.Task);
  port.release();
  return step.value;
}
