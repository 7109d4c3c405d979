/** Registration only: one activity per connector, each resolving secret tokens inside the activity. */
import * as df from 'durable-functions';
import { withSecrets } from '../connectors/activity';
import { executeHttp, type HttpCallInput } from '../connectors/http/index';
import { keyVaultSecretConnector } from '../connectors/keyvault/index';
import {
  blobStorageConnector,
  queueStorageConnector,
  tableStorageConnector,
} from '../connectors/storage/index';
import { CONNECTOR_ACTIVITIES, HTTP_ACTIVITY } from '../engine/activities';

df.app.activity(HTTP_ACTIVITY, {
  handler: withSecrets((input: HttpCallInput) => executeHttp(input)),
});
df.app.activity(CONNECTOR_ACTIVITIES.keyvaultsecret, { handler: keyVaultSecretConnector });
df.app.activity(CONNECTOR_ACTIVITIES.blobstorage, { handler: blobStorageConnector });
df.app.activity(CONNECTOR_ACTIVITIES.queuestorage, { handler: queueStorageConnector });
df.app.activity(CONNECTOR_ACTIVITIES.tablestorage, { handler: tableStorageConnector });
import { serviceBusActivity } from '../connectors/servicebus/index';
df.app.activity(CONNECTOR_ACTIVITIES.servicebus, { handler: serviceBusActivity });
import { soapConnector } from '../connectors/soap/index';
df.app.activity(CONNECTOR_ACTIVITIES.soap, { handler: soapConnector });
