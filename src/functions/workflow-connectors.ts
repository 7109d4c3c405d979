/** Registration only: one activity per connector, each resolving secret tokens inside the activity. */
import * as df from 'durable-functions';
import { withSecrets } from '../connectors/activity';
import { executeHttp, type HttpCallInput } from '../connectors/http/index';
import { keyVaultSecretConnector } from '../connectors/keyvault/index';
import { CONNECTOR_ACTIVITIES, HTTP_ACTIVITY } from '../engine/activities';

df.app.activity(HTTP_ACTIVITY, {
  handler: withSecrets((input: HttpCallInput) => executeHttp(input)),
});
df.app.activity(CONNECTOR_ACTIVITIES.keyvaultsecret, { handler: keyVaultSecretConnector });
