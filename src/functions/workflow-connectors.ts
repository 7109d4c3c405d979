/** Registration only: one activity per connector, each resolving secret tokens inside the activity. */
import * as df from 'durable-functions';
import { withSecrets } from '../connectors/activity';
import { executeHttp, type HttpCallInput } from '../connectors/http/index';
import { trustedCertificates } from '../connectors/http/trust';
import { keyVaultSecretConnector } from '../connectors/keyvault/index';
import { serviceBusActivity } from '../connectors/servicebus/index';
import { soapConnector } from '../connectors/soap/index';
import {
  blobStorageConnector,
  queueStorageConnector,
  tableStorageConnector,
} from '../connectors/storage/index';
import { CONNECTOR_ACTIVITIES, HTTP_ACTIVITY } from '../engine/activities';

df.app.activity(HTTP_ACTIVITY, {
  handler: withSecrets((input: HttpCallInput) => {
    const ca = trustedCertificates();
    return executeHttp(input, ca === undefined ? {} : { ca });
  }),
});
df.app.activity(CONNECTOR_ACTIVITIES.soap, { handler: soapConnector });
df.app.activity(CONNECTOR_ACTIVITIES.blobstorage, { handler: blobStorageConnector });
df.app.activity(CONNECTOR_ACTIVITIES.queuestorage, { handler: queueStorageConnector });
df.app.activity(CONNECTOR_ACTIVITIES.tablestorage, { handler: tableStorageConnector });
df.app.activity(CONNECTOR_ACTIVITIES.servicebus, { handler: serviceBusActivity });
df.app.activity(CONNECTOR_ACTIVITIES.keyvaultsecret, { handler: keyVaultSecretConnector });
