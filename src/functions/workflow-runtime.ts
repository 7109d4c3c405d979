/** Registration only: the orchestrator that runs every workflow, and its concurrency slots (connector activities: workflow-connectors.ts). */
import * as df from 'durable-functions';
import { NOTIFY_ACTIVITY } from './durable/concurrency-gate';
import { runWorkflow } from './durable/orchestrator';
import { RUN_ORCHESTRATION } from './durable/port';
import { RUN_SLOTS_ENTITY, runSlotsEntity, SLOT_EVENT } from './durable/run-slots';
import { STOP_PARTITIONS_ACTIVITY, stopPartitions } from './durable/stop-partitions';

df.app.orchestration(RUN_ORCHESTRATION, runWorkflow);
df.app.entity(RUN_SLOTS_ENTITY, runSlotsEntity);
df.app.activity(NOTIFY_ACTIVITY, {
  extraInputs: [df.input.durableClient()],
  handler: (input: { runId: string }, context) =>
    df.getClient(context).raiseEvent(input.runId, SLOT_EVENT, null),
});
df.app.activity(STOP_PARTITIONS_ACTIVITY, {
  extraInputs: [df.input.durableClient()],
  handler: stopPartitions,
});
