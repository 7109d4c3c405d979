/** Registration of every action kind Flowline knows, keyed by lower-case type name. Registration only. */
import { z } from 'zod';
import { actionRef } from '../common';
import { httpAction } from './http';
import { httpWebhookAction } from './httpWebhook';
import { responseAction } from './response';
import { composeAction } from './compose';
import { parseJsonAction } from './parseJson';
import { initializeVariableAction } from './initializeVariable';
import { setVariableAction } from './setVariable';
import { incrementVariableAction } from './incrementVariable';
import { decrementVariableAction } from './decrementVariable';
import { appendToArrayVariableAction } from './appendToArrayVariable';
import { appendToStringVariableAction } from './appendToStringVariable';
import { ifAction } from './if';
import { switchAction } from './switch';
import { foreachAction } from './foreach';
import { untilAction } from './until';
import { scopeAction } from './scope';
import { terminateAction } from './terminate';
import { waitAction } from './wait';
import { selectAction } from './select';
import { queryAction } from './query';
import { joinAction } from './join';
import { tableAction } from './table';
import { workflowAction } from './workflow';
import { soapAction } from './soap';
import { blobStorageAction } from './blobStorage';
import { queueStorageAction } from './queueStorage';
import { tableStorageAction } from './tableStorage';
import { serviceBusAction } from './serviceBus';
import { keyVaultSecretAction } from './keyVaultSecret';

export const actionKinds = {
  http: httpAction,
  httpWebhook: httpWebhookAction,
  response: responseAction,
  compose: composeAction,
  parseJson: parseJsonAction,
  initializeVariable: initializeVariableAction,
  setVariable: setVariableAction,
  incrementVariable: incrementVariableAction,
  decrementVariable: decrementVariableAction,
  appendToArrayVariable: appendToArrayVariableAction,
  appendToStringVariable: appendToStringVariableAction,
  if: ifAction,
  switch: switchAction,
  foreach: foreachAction,
  until: untilAction,
  scope: scopeAction,
  terminate: terminateAction,
  wait: waitAction,
  select: selectAction,
  query: queryAction,
  join: joinAction,
  table: tableAction,
  workflow: workflowAction,
  soap: soapAction,
  blobStorage: blobStorageAction,
  queueStorage: queueStorageAction,
  tableStorage: tableStorageAction,
  serviceBus: serviceBusAction,
  keyVaultSecret: keyVaultSecretAction,
} as const;

/** Lower-case type name -> schema. */
export const actionSchemas: ReadonlyMap<string, z.ZodType> = new Map(
  Object.values(actionKinds).map((schema) => [typeNameOf(schema).toLowerCase(), schema]),
);

/** Documented spelling of every supported action type. */
export const actionTypeNames: readonly string[] = Object.values(actionKinds).map(typeNameOf);

function typeNameOf(schema: z.ZodType): string {
  const title = z.globalRegistry.get(schema)?.title;
  if (title === undefined) throw new Error('Every action schema needs a title naming its type.');
  return title;
}

/** Any supported action; used for nested action maps and the JSON Schema. */
export const anyAction = z
  .union(Object.values(actionKinds))
  .meta({ id: 'Action', title: 'Action', description: 'One workflow action; `type` selects its kind.' });
actionRef.schema = anyAction;
