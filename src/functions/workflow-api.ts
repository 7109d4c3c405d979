/** Registration only: the workflow HTTP API (trigger calls and run management). */
import { app } from '@azure/functions';
import * as df from 'durable-functions';
import { invoke } from './api/invoke';
import { cancelRun, getRun, listRuns, raiseRunEvent, resubmitRun } from './api/runs';
import { listWorkflows } from './api/workflows';

const durableClient = [df.input.durableClient()];

app.http('workflow-invoke', {
  route: 'workflows/{name}/triggers/{trigger}/invoke/{*path}',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  authLevel: 'function',
  extraInputs: durableClient,
  handler: invoke,
});
app.http('workflow-list', {
  route: 'workflows',
  methods: ['GET'],
  authLevel: 'function',
  handler: listWorkflows,
});
app.http('run-list', {
  route: 'workflows/{name}/runs',
  methods: ['GET'],
  authLevel: 'function',
  extraInputs: durableClient,
  handler: listRuns,
});
app.http('run-get', {
  route: 'workflows/{name}/runs/{runId}',
  methods: ['GET'],
  authLevel: 'function',
  extraInputs: durableClient,
  handler: getRun,
});
app.http('run-cancel', {
  route: 'workflows/{name}/runs/{runId}/cancel',
  methods: ['POST'],
  authLevel: 'function',
  extraInputs: durableClient,
  handler: cancelRun,
});
app.http('run-resubmit', {
  route: 'workflows/{name}/runs/{runId}/resubmit',
  methods: ['POST'],
  authLevel: 'function',
  extraInputs: durableClient,
  handler: resubmitRun,
});
app.http('run-event', {
  route: 'workflows/{name}/runs/{runId}/events/{event}',
  methods: ['POST'],
  authLevel: 'function',
  extraInputs: durableClient,
  handler: raiseRunEvent,
});
