import { isJsonObject } from '../../expressions/values';
import type { RunStatus } from '../run-types';
import { sync } from './env';

/** Terminate: ends the run at once with Failed, Cancelled or Succeeded (and an error for Failed). */
export const terminate = sync((env) => {
  const inputs = env.evaluate(env.def.inputs ?? {});
  const raw = isJsonObject(inputs) && typeof inputs.runStatus === 'string' ? inputs.runStatus : 'Failed';
  const status = (['Failed', 'Cancelled', 'Succeeded'].find((s) => s.toLowerCase() === raw.toLowerCase()) ??
    'Failed') as RunStatus;
  const runError = isJsonObject(inputs) && isJsonObject(inputs.runError) ? inputs.runError : {};
  const code = typeof runError.code === 'string' ? runError.code : 'Terminated';
  const message =
    typeof runError.message === 'string'
      ? runError.message
      : `The run was terminated with status '${status}'.`;
  env.state.terminated = status === 'Failed' ? { status, error: { code, message } } : { status };
  env.state.scheduler.stop();
  return { status: 'Succeeded', inputs };
});
