/**
 * Application Insights end to end: `flowline start` (a separate process, as a user runs it) with
 * `APPLICATIONINSIGHTS_CONNECTION_STRING` pointing at a loopback ingestion endpoint. A run started
 * through the HTTP trigger with a caller's traceparent arrives there as Azure would receive it: the
 * run as a request in the caller's operation, each action as a dependency under its parent, the run
 * metrics and the run's log records.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionSpanId, runSpanId } from '../../src/telemetry/ids';
import { type Backend, eventually, PROJECT_ROOT, startBackend } from '../workflows/helpers';
import { makeCertificates } from '../connectors/http/certs';
import { type Envelope, type Ingestion, startIngestion } from './ingestion';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'index.js');

describe('Application Insights export', () => {
  let ingestion: Ingestion;
  let backend: Backend;
  let host: ChildProcess;
  let origin = '';
  let output = '';
  let runId = '';

  beforeAll(async () => {
    const certificates = makeCertificates();
    ingestion = await startIngestion(certificates);
    let flaky = 0;
    backend = await startBackend((call) => {
      if (call.path === '/flaky')
        return flaky++ % 2 === 0 ? { status: 503 } : { status: 200, body: { ok: 1 } };
      return { status: 200, body: { item: call.path } };
    });
    const dir = mkdtempSync(join(tmpdir(), 'flowline-appinsights-'));
    writeFileSync(join(dir, 'ingestion-ca.pem'), certificates.ca);
    writeFileSync(join(dir, 'traced.json'), readFileSync(resolve(__dirname, 'fixtures/traced.json'), 'utf8'));
    host = spawn(process.execPath, [CLI, 'start', '--port', '0', '--store', 'memory', '--workflows', dir], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        TRACED_URL: backend.url,
        NODE_EXTRA_CA_CERTS: join(dir, 'ingestion-ca.pem'),
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=${ingestion.url}`,
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({ enableLiveMetrics: false }),
        OTEL_METRIC_EXPORT_INTERVAL: '500',
        OTEL_BLRP_SCHEDULE_DELAY: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    host.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    host.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const port = await eventually(() => {
      if (host.exitCode !== null) throw new Error(`flowline start exited early:\n${output}`);
      return /Host listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
    }, 30_000);
    origin = `http://localhost:${port}`;

    const started = await fetch(`${origin}/api/workflows/traced/triggers/manual/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` },
      body: JSON.stringify({ order: 'A-17', token: 'TOKEN-VALUE' }),
    });
    expect(started.status).toBe(202);
    runId = started.headers.get('x-flowline-run-id') ?? '';
    await eventually(async () => {
      const view = (await (await fetch(`${origin}/api/workflows/traced/runs/${runId}`)).json()) as {
        status: string;
      };
      return view.status === 'Running' ? undefined : view.status;
    }, 30_000);
  }, 60_000);

  afterAll(async () => {
    host.kill('SIGTERM');
    await new Promise((done) => host.once('exit', done));
    await backend.close();
    await ingestion.close();
  });

  const ofType = (type: string): Envelope[] => ingestion.envelopes.filter((e) => e.data?.baseType === type);
  const properties = (e: Envelope): Record<string, unknown> =>
    (e.data?.baseData?.['properties'] ?? {}) as Record<string, unknown>;

  it('sends the run as a request in the caller operation, and each action as a dependency under its parent', async () => {
    const request = await eventually(
      () => ofType('RequestData').find((e) => properties(e)['flowline.run.id'] === runId),
      15_000,
    );
    expect(request.data?.baseData).toMatchObject({
      id: runSpanId(runId),
      name: 'workflow.run',
      success: true,
    });
    expect(request.tags).toMatchObject({ 'ai.operation.id': TRACE_ID, 'ai.operation.parentId': CALLER_SPAN });
    const dependencies = await eventually(() => {
      const found = ofType('RemoteDependencyData').filter((e) => properties(e)['flowline.run.id'] === runId);
      return found.length >= 8 ? found : undefined;
    }, 15_000);
    const byName = (name: string): Envelope[] =>
      dependencies.filter((e) => e.data?.baseData?.['name'] === name);
    const call = byName('Call_Backend')[0];
    expect(call?.data?.baseData).toMatchObject({
      id: actionSpanId(runId, '', 'Call_Backend'),
      success: true,
    });
    expect(call?.tags).toMatchObject({
      'ai.operation.id': TRACE_ID,
      'ai.operation.parentId': runSpanId(runId),
    });
    expect(properties(call as Envelope)).toMatchObject({ 'flowline.action.retries': '1' });
    expect(byName('Call_Item')).toHaveLength(2);
    expect(JSON.stringify(ingestion.envelopes)).not.toContain('TOKEN-VALUE');
    // The cloud role is the service name: Flowline's default outside Azure.
    expect(request.tags?.['ai.cloud.role']).toBe('flowline');
  });

  it('sends the run counters and action durations as custom metrics', async () => {
    const names = await eventually(() => {
      const seen = new Set(
        ofType('MetricData').flatMap((e) =>
          ((e.data?.baseData?.['metrics'] ?? []) as { name: string }[]).map((m) => m.name),
        ),
      );
      return ['flowline.runs.started', 'flowline.runs.succeeded', 'flowline.action.duration'].every((n) =>
        seen.has(n),
      )
        ? seen
        : undefined;
    }, 15_000);
    expect(names.has('flowline.run.duration')).toBe(true);
  });

  it('sends the run log records with the run id, the action name and the run operation', async () => {
    const messages = await eventually(() => {
      const found = ofType('MessageData').filter((e) => properties(e)['flowline.run.id'] === runId);
      return found.length >= 2 ? found : undefined;
    }, 15_000);
    const retried = messages.find((e) => properties(e)['flowline.action'] === 'Call_Backend');
    expect(retried?.data?.baseData?.['message']).toBe(
      `Action 'Call_Backend' (Http) of run ${runId} succeeded after 1 retry`,
    );
    expect(retried?.tags).toMatchObject({
      'ai.operation.id': TRACE_ID,
      'ai.operation.parentId': actionSpanId(runId, '', 'Call_Backend'),
    });
  });
});
