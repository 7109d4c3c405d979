/** The executor for each action type (type names are case-insensitive, as in Logic Apps). */
import { CONNECTOR_ACTIVITIES } from '../activities';
import { compose } from './compose';
import { connectorAction } from './connector';
import { joinAction, parseJson, queryAction, selectAction, tableAction } from './data';
import { type Executor, failed, sync } from './env';
import { foreach } from './foreach';
import { http } from './http-action';
import { ifAction } from './if';
import { response } from './response';
import { scope } from './scope';
import { switchAction } from './switch';
import { terminate } from './terminate';
import { until } from './until';
import {
  appendToArrayVariable,
  appendToStringVariable,
  decrementVariable,
  incrementVariable,
  initializeVariable,
  setVariable,
} from './variables';
import { wait } from './wait';
import { httpWebhook } from './webhook';
import { workflowAction } from './workflow';

const executors = new Map<string, Executor>([
  ['compose', compose],
  ['scope', scope],
  ['if', ifAction],
  ['switch', switchAction],
  ['foreach', foreach],
  ['until', until],
  ['terminate', terminate],
  ['initializevariable', initializeVariable],
  ['setvariable', setVariable],
  ['incrementvariable', incrementVariable],
  ['decrementvariable', decrementVariable],
  ['appendtoarrayvariable', appendToArrayVariable],
  ['appendtostringvariable', appendToStringVariable],
  ['select', selectAction],
  ['query', queryAction],
  ['join', joinAction],
  ['table', tableAction],
  ['parsejson', parseJson],
  ['wait', wait],
  ['response', response],
  ['http', http],
  ['httpwebhook', httpWebhook],
  ['workflow', workflowAction],
  ...Object.entries(CONNECTOR_ACTIVITIES).map(([type, activity]): [string, Executor] => [
    type,
    connectorAction(activity, { secureOutputs: type === 'keyvaultsecret' }),
  ]),
]);

export const supportedActionTypes = (): string[] => [...executors.keys()];

export function executorFor(type: string): Executor {
  return (
    executors.get(type.toLowerCase()) ??
    sync(() =>
      failed(
        'ActionTypeNotSupported',
        `Flowline cannot run actions of type '${type}' yet; the workflow validated but this action has no runtime.`,
      ),
    )
  );
}
