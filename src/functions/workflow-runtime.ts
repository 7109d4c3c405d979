/** Registration only: the orchestrator that runs every workflow, its concurrency slots, and the connector activities. */
import * as df from 'durable-functions';
import { executeHttp, type HttpCallInput } from '../connectors/http/index';
import { HTTP_ACTIVITY } from '../engine/activities';
import { NOTIFY_ACTIVITY } from './durable/concurrency-gate';
import { runWorkflow } from './durable/orchestrator';
import { RUN_ORCHESTRATION } from './durable/port';
import { RUN_SLOTS_ENTITY, runSlotsEntity, SLOT_EVENT } from './durable/run-slots';

df.app.orchestration(RUN_ORCHESTRATION, runWorkflow);
df.app.activity(HTTP_ACTIVITY, { handler: (input: HttpCallInput) => executeHttp(input) });
df.app.entity(RUN_SLOTS_ENTITY, runSlotsEntity);
df.app.activity(NOTIFY_ACTIVITY, {
  extraInputs: [df.input.durableClient()],
  handler: (input: { runId: string }, context) =>
    df.getClient(context).raiseEvent(input.runId, SLOT_EVENT, null),
});
