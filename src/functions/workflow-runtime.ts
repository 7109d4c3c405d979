/** Registration only: the orchestrator that runs every workflow, and the connector activities. */
import * as df from 'durable-functions';
import { executeHttp, type HttpCallInput } from '../connectors/http/index';
import { HTTP_ACTIVITY } from '../engine/activities';
import { runWorkflow } from './durable/orchestrator';
import { RUN_ORCHESTRATION } from './durable/port';

df.app.orchestration(RUN_ORCHESTRATION, runWorkflow);
df.app.activity(HTTP_ACTIVITY, { handler: (input: HttpCallInput) => executeHttp(input) });
