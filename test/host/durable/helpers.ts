import { resolve } from 'node:path';
import { createDurableExtension, type DurableExtension } from '../../../src/host/durable/extension';
import type { DurableOptions } from '../../../src/host/durable/config';
import { type RunningHost, startHost } from '../../../src/host/startHost';

export interface DurableHost {
  readonly host: RunningHost;
  readonly extension: DurableExtension;
  readonly logs: string[];
  /** Starts an orchestration through the app's own HTTP starter; returns the check-status body. */
  start(name: string, input?: unknown, instanceId?: string): Promise<Record<string, string>>;
  status(id: string, query?: string): Promise<Status>;
  /** Polls the status URL until the instance reaches a status in `statuses`. */
  waitFor(id: string, statuses?: readonly string[], timeoutMs?: number): Promise<Status>;
  api(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export interface Status {
  readonly runtimeStatus: string;
  readonly output: unknown;
  readonly input: unknown;
  readonly customStatus: unknown;
  readonly historyEvents?: Record<string, unknown>[];
}

export const TERMINAL = ['Completed', 'Failed', 'Terminated'];

export async function startDurable(
  fixture: string,
  options: DurableOptions & { store?: string } = {},
): Promise<DurableHost> {
  const logs: string[] = [];
  const extension = createDurableExtension(options);
  const host = await startHost({
    appDir: resolve(__dirname, '../../fixtures/apps', fixture),
    port: 0,
    store: options.store ?? 'memory',
    extensions: [extension],
    log: (level, _category, message) => logs.push(`${level}: ${message}`),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const base = `${host.origin}/runtime/webhooks/durabletask`;
  const api = (path: string, init?: RequestInit): Promise<Response> => fetch(`${base}/${path}`, init);
  const status = async (id: string, query = ''): Promise<Status> => {
    const response = await api(`instances/${encodeURIComponent(id)}${query}`);
    if (response.status === 404) throw new Error(`instance ${id} not found`);
    return (await response.json()) as Status;
  };
  return {
    host,
    extension,
    logs,
    api,
    status,
    async start(name, input, instanceId) {
      const response = await fetch(
        `${host.origin}/api/orchestrators/${name}${instanceId ? `/${instanceId}` : ''}`,
        {
          method: 'POST',
          body: input === undefined ? '' : JSON.stringify(input),
        },
      );
      if (response.status !== 202)
        throw new Error(
          `start ${name}: HTTP ${response.status} ${await response.text()}\n${logs.join('\n')}`,
        );
      return (await response.json()) as Record<string, string>;
    },
    async waitFor(id, statuses = TERMINAL, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const s = await status(id);
        if (statuses.includes(s.runtimeStatus)) return s;
        if (Date.now() > until)
          throw new Error(
            `instance ${id} still ${s.runtimeStatus} after ${timeoutMs} ms; logs:\n${logs.join('\n')}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: () => host.stop(),
  };
}

/** EventType names of the raw history, for comparing sequences with the durable-js test histories. */
export function eventTypes(history: readonly { EventType: number; EventId: number }[]): string[] {
  const names = [
    'ExecutionStarted',
    'ExecutionCompleted',
    'ExecutionFailed',
    'ExecutionTerminated',
    'TaskScheduled',
    'TaskCompleted',
    'TaskFailed',
    'SubOrchestrationInstanceCreated',
    'SubOrchestrationInstanceCompleted',
    'SubOrchestrationInstanceFailed',
    'TimerCreated',
    'TimerFired',
    'OrchestratorStarted',
    'OrchestratorCompleted',
    'EventSent',
    'EventRaised',
    'ContinueAsNew',
    'GenericEvent',
    'HistoryState',
    'ExecutionSuspended',
    'ExecutionResumed',
  ];
  return history.map((e) => `${names[e.EventType] ?? e.EventType}${e.EventId >= 0 ? `(${e.EventId})` : ''}`);
}
