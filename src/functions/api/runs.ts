/**
 * Run management: list a workflow's runs, read one run with its action tree (derived by replaying
 * the engine over the durable history), cancel, resubmit, and raise an event (webhook callbacks).
 */
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import type { RunInput } from '../../engine/run-types';
import { recordRunStarted } from '../../telemetry/metrics';
import { reportRun } from '../../telemetry/report';
import { triggerConcurrency } from '../durable/concurrency-gate';
import { RUN_ORCHESTRATION } from '../durable/port';
import { slotsId } from '../durable/run-slots';
import { newRunInput, parametersResolver } from '../triggers/run-input';
import { findWorkflow } from './find-workflow';
import { tooDeepProblem } from './json-depth';
import { cancelPartitions, deriveWithPartitions } from './partitions';
import { problem } from './problem';
import { runAccepted } from './replies';
import { searchRuns } from './run-search';
import { runSummary, runView } from './run-view';
import { isRunInput } from './run-input';

const json = (status: number, body: unknown): HttpResponseInit => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export async function listRuns(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const workflow = request.params['name'] ?? '';
  const from = request.query.get('from');
  const to = request.query.get('to');
  const status = request.query.get('status');
  const top = Math.min(Math.max(Number(request.query.get('top') ?? 50) || 50, 1), 1000);
  const skip = Math.max(Number(request.query.get('skip') ?? 0) || 0, 0);
  const client = df.getClient(context);
  const filter = {
    ...(from ? { createdTimeFrom: new Date(from) } : {}),
    ...(to ? { createdTimeTo: new Date(to) } : {}),
    showInput: true,
  } as df.OrchestrationFilter;
  const all = await client.getStatusBy(filter);
  const runs = all
    .filter(
      (s) =>
        s.name === RUN_ORCHESTRATION &&
        isRunInput(s.input) &&
        s.input.partition === undefined &&
        s.input.workflow.toLowerCase() === workflow.toLowerCase(),
    )
    .map(runSummary)
    .filter((run) => status === null || run.status.toLowerCase() === status.toLowerCase())
    .sort((a, b) => b.startTime.localeCompare(a.startTime) || a.id.localeCompare(b.id));
  const search = request.query.get('search')?.trim() ?? '';
  if (search !== '') {
    const inputs = new Map(all.map((s) => [s.instanceId, s.input]));
    const found = await searchRuns(
      runs,
      search,
      async (runId) => (await deriveWithPartitions(client, runId, inputs.get(runId) as RunInput)).actions,
    );
    return json(200, { value: found.value, count: found.value.length, searched: found.searched });
  }
  const page = runs.slice(skip, skip + top);
  const next =
    skip + top < runs.length ? `${new URL(request.url).pathname}?top=${top}&skip=${skip + top}` : undefined;
  return json(200, { value: page, count: runs.length, ...(next ? { nextLink: next } : {}) });
}

export async function getRun(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const found = await loadRun(request, context);
  if (!found.ok) return found.response;
  const { status, input } = found;
  const derived = await deriveWithPartitions(df.getClient(context), status.instanceId, input);
  return json(200, runView(status, input, derived));
}

export async function cancelRun(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const found = await loadRun(request, context);
  if (!found.ok) return found.response;
  if (!['Running', 'Pending'].includes(String(found.status.runtimeStatus))) {
    return problem(
      409,
      'Run is not running',
      `Run '${found.status.instanceId}' is ${String(found.status.runtimeStatus)}; only running runs can be cancelled.`,
    );
  }
  const client = df.getClient(context);
  const reason = 'Cancelled through the workflow API.';
  await client.terminate(found.status.instanceId, reason);
  // Then the partitions of its large loops: terminating a run does not end its child runs.
  await cancelPartitions(client, found.status.instanceId, found.input, reason);
  // A terminated run never reaches its own release: free its concurrency slot (if it had one) here.
  if (triggerConcurrency(found.input) !== undefined)
    await client.signalEntity(slotsId(found.input.workflow), 'release', { runId: found.status.instanceId });
  // A terminated run never calls its telemetry activity: report it from here.
  await reportRun(client, found.status.instanceId, { status: 'Cancelled' }).catch((error: unknown) =>
    context.warn(`Telemetry for run '${found.status.instanceId}' was not emitted: ${String(error)}`),
  );
  return json(202, { runId: found.status.instanceId, status: 'Cancelling' });
}

/**
 * A new run from the same trigger outputs, with the workflow as it is now (as Logic Apps does), so a
 * run that failed on a bug can be resubmitted once the file is fixed. Records `originRunId`.
 */
export async function resubmitRun(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const found = await loadRun(request, context);
  if (!found.ok) return found.response;
  const workflow = await findWorkflow(found.input.workflow);
  if (!workflow.ok) return workflow.response;
  const { trigger } = found.input;
  const input: RunInput = {
    ...(await newRunInput(
      workflow.entry,
      workflow.definition,
      { name: trigger.name, type: trigger.type, outputs: trigger.outputs, inputs: trigger.inputs },
      found.input.callbackBase,
      await parametersResolver(),
    )),
    originRunId: found.status.instanceId,
  };
  const runId = randomUUID();
  await df.getClient(context).startNew(RUN_ORCHESTRATION, { instanceId: runId, input });
  recordRunStarted(input.workflow, trigger.name);
  return runAccepted(request, found.input.workflow, runId);
}

export async function raiseRunEvent(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const found = await loadRun(request, context);
  if (!found.ok) return found.response;
  const text = await request.text();
  let body: unknown = text === '' ? null : text;
  if (/json/i.test(request.headers.get('content-type') ?? '') && text !== '') {
    const tooDeep = tooDeepProblem(text, 'event');
    if (tooDeep !== undefined) return tooDeep;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return problem(
        400,
        'Invalid JSON body',
        `The event body is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of request.headers) if (key.toLowerCase() !== 'authorization') headers[key] = value;
  await df
    .getClient(context)
    .raiseEvent(found.status.instanceId, request.params['event'] ?? '', { headers, body });
  return json(202, { runId: found.status.instanceId, event: request.params['event'] });
}

type LoadedRun =
  | { readonly ok: true; readonly status: df.DurableOrchestrationStatus; readonly input: RunInput }
  | { readonly ok: false; readonly response: HttpResponseInit };

async function loadRun(request: HttpRequest, context: InvocationContext): Promise<LoadedRun> {
  const workflow = request.params['name'] ?? '';
  const runId = request.params['runId'] ?? '';
  const client = df.getClient(context);
  let status: df.DurableOrchestrationStatus;
  try {
    status = await client.getStatus(runId, { showInput: true });
  } catch {
    return { ok: false, response: problem(404, 'Run not found', `There is no run '${runId}'.`) };
  }
  if (
    !status?.instanceId ||
    !isRunInput(status.input) ||
    status.input.workflow.toLowerCase() !== workflow.toLowerCase()
  ) {
    return {
      ok: false,
      response: problem(404, 'Run not found', `Workflow '${workflow}' has no run '${runId}'.`),
    };
  }
  return { ok: true, status, input: status.input };
}
