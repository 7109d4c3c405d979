/**
 * End-to-end helpers: the project's own Functions app (dist/, built by `npm test`) on the embedded
 * host with the Durable emulation, and real HTTP backends on loopback that record every call.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createDurableExtension } from '../../src/host/durable/extension';
import type { Clock } from '../../src/host/clock';
import { type RunningHost, startHost } from '../../src/host/startHost';

export const PROJECT_ROOT = resolve(__dirname, '../..');

export interface BackendCall {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly at: number;
}

export interface BackendReply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Answer after this many ms. */
  readonly delayMs?: number;
}

export type BackendHandler = (
  call: BackendCall,
) => BackendReply | undefined | Promise<BackendReply | undefined>;

export interface Backend {
  readonly url: string;
  readonly calls: BackendCall[];
  /** Most requests in flight at the same time. */
  readonly maxInFlight: () => number;
  callsTo(method: string, pathPrefix: string): BackendCall[];
  close(): Promise<void>;
}

export async function startBackend(handler: BackendHandler): Promise<Backend> {
  const calls: BackendCall[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      const call: BackendCall = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
        at: Date.now(),
      };
      calls.push(call);
      void Promise.resolve(handler(call)).then(async (reply) => {
        const r = reply ?? { status: 404, body: { error: `no route for ${call.method} ${call.path}` } };
        if (r.delayMs) await new Promise((done) => setTimeout(done, r.delayMs));
        inFlight--;
        const payload =
          r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        res.writeHead(r.status ?? 200, {
          ...(typeof r.body === 'string' || r.body === undefined
            ? {}
            : { 'content-type': 'application/json' }),
          ...r.headers,
        });
        res.end(payload);
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    maxInFlight: () => maxInFlight,
    callsTo: (method, prefix) => calls.filter((c) => c.method === method && c.path.startsWith(prefix)),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface RunView {
  readonly id: string;
  readonly status: string;
  readonly error?: { code: string; message: string };
  readonly outputs: Record<string, unknown> | null;
  readonly response: { statusCode: number; body: unknown } | null;
  readonly actions: ActionView[];
  readonly originRunId?: string;
}

export interface ActionView {
  readonly name: string;
  readonly status: string;
  readonly code?: string;
  readonly inputs?: unknown;
  readonly outputs?: unknown;
  readonly error?: { code: string; message: string };
  readonly retryHistory?: unknown[];
  readonly children?: ActionView[];
  readonly iterations?: { index: number; actions: ActionView[] }[];
}

export interface Flowline {
  /** The Durable emulation behind the host (its store holds the raw history). */
  readonly durable: ReturnType<typeof createDurableExtension>;
  readonly host: RunningHost;
  /** Warnings and errors the host logged. */
  readonly problems: string[];
  /** Every line the host and the app logged, any level. */
  readonly logs: string[];
  readonly origin: string;
  invoke(
    workflow: string,
    body: unknown,
    init?: { trigger?: string; path?: string; method?: string },
  ): Promise<Response>;
  run(workflow: string, runId: string): Promise<RunView>;
  waitForRun(workflow: string, runId: string, timeoutMs?: number): Promise<RunView>;
  stop(): Promise<void>;
}

/** Starts the app with app settings set for the test (restored on stop). */
export async function startFlowline(
  settings: Record<string, string>,
  clock?: Clock,
  options: { readonly store?: string } = {},
): Promise<Flowline> {
  const saved = new Map(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  const problems: string[] = [];
  const logs: string[] = [];
  const durable = createDurableExtension(clock ? { clock } : {});
  const host = await startHost({
    appDir: PROJECT_ROOT,
    port: 0,
    store: options.store ?? 'memory',
    extensions: [durable],
    log: (level, _c, message) => {
      logs.push(`${level} ${message}`);
      if (level === 'warning' || level === 'error' || level === 'critical') problems.push(message);
      if (process.env['FLOWLINE_TEST_LOG']) console.log(level, message);
    },
    setWebsiteHostname: true,
    ...(clock ? { clock } : {}),
  });
  const origin = host.origin;
  const run = async (workflow: string, runId: string): Promise<RunView> => {
    const response = await fetch(`${origin}/api/workflows/${workflow}/runs/${runId}`);
    if (!response.ok) throw new Error(`GET run ${runId}: ${response.status} ${await response.text()}`);
    return (await response.json()) as RunView;
  };
  return {
    host,
    durable,
    problems,
    logs,
    origin,
    invoke: (workflow, body, init = {}) =>
      fetch(
        `${origin}/api/workflows/${workflow}/triggers/${init.trigger ?? 'manual'}/invoke${init.path ? `/${init.path}` : ''}`,
        {
          method: init.method ?? 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      ),
    run,
    async waitForRun(workflow, runId, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const view = await run(workflow, runId);
        if (view.status !== 'Running') return view;
        if (Date.now() > until)
          throw new Error(`run ${runId} still running after ${timeoutMs} ms: ${JSON.stringify(view)}`);
        await new Promise((done) => setTimeout(done, 25));
      }
    },
    async stop() {
      await host.stop();
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}

/** Polls `check` until it returns a value (not undefined). */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 10));
  }
}

export function action(view: { actions: ActionView[] }, name: string): ActionView {
  const walk = (list: readonly ActionView[]): ActionView | undefined => {
    for (const a of list) {
      if (a.name === name) return a;
      const inner = walk(a.children ?? []) ?? walk((a.iterations ?? []).flatMap((i) => i.actions));
      if (inner) return inner;
    }
    return undefined;
  };
  const found = walk(view.actions);
  if (!found)
    throw new Error(`no action '${name}' in run view: ${JSON.stringify(view.actions.map((a) => a.name))}`);
  return found;
}
