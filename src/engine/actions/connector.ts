/**
 * The actions of Flowline's connectors (Soap, BlobStorage, QueueStorage, TableStorage, ServiceBus,
 * KeyVaultSecret): evaluate the inputs, call the connector's activity under the action's retry policy,
 * and record its outputs. Connection settings travel by name (`connection` names an app setting),
 * and secrets as tokens, so neither enters the run's history.
 */
import { isJsonObject } from '../../expressions/values';
import { callConnector } from './call-connector';
import { type Executor, failed } from './env';
import { activityRequest, withoutCredentials } from './http-action';
import { timedOut } from './timed-out';

export interface ConnectorActionOptions {
  /** Outputs are secure whatever the action says (KeyVaultSecret). */
  readonly secureOutputs?: boolean;
}

export function connectorAction(activity: string, options: ConnectorActionOptions = {}): Executor {
  return function* (env) {
    if (options.secureOutputs) env.record.secureOutputs = true;
    const inputs = env.evaluate(env.def.inputs ?? {});
    if (!isJsonObject(inputs))
      return failed('InvalidTemplate', `The inputs of action '${env.record.name}' must be an object.`);
    const request = activityRequest(env, inputs);
    const shown = withoutCredentials(inputs);
    const result = yield* callConnector(env, activity, request, inputs.retryPolicy ?? env.def.retryPolicy);
    if (result.kind === 'timedOut') return timedOut({ inputs: shown });
    const { outcome } = result;
    const outputs = outcome.outputs === undefined ? {} : { outputs: outcome.outputs };
    if (outcome.ok) return { status: 'Succeeded', inputs: shown, ...outputs };
    return failed(outcome.error?.code ?? 'ActionFailed', outcome.error?.message ?? 'The connector failed.', {
      inputs: shown,
      ...outputs,
    });
  };
}
