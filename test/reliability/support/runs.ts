/** The caller's side: start runs through the Request trigger (202 + Location) and follow the Location. */

export interface RunView {
  readonly id: string;
  readonly status: string;
  readonly outputs: Record<string, unknown> | null;
  readonly error?: { code: string; message: string };
  readonly actions: ActionView[];
}

export interface ActionView {
  readonly name: string;
  readonly status: string;
  readonly code?: string;
  readonly startTime?: string;
  readonly endTime?: string;
  readonly outputs?: { readonly statusCode?: number; readonly body?: unknown };
  readonly retryHistory?: unknown[];
  readonly children?: ActionView[];
  readonly iterations?: { index: number; actions: ActionView[] }[];
}

export interface Accepted {
  readonly runId: string;
  readonly location: string;
}

/** POSTs to a workflow's Request trigger and expects `202 Accepted` with a Location. */
export async function startRun(origin: string, workflow: string, body: unknown): Promise<Accepted> {
  const response = await fetch(`${origin}/api/workflows/${workflow}/triggers/manual/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const location = response.headers.get('location');
  const runId = response.headers.get('x-flowline-run-id');
  if (response.status !== 202 || location === null || runId === null)
    throw new Error(`expected 202 with a Location, got ${response.status}: ${text}`);
  return { runId, location };
}

/** GETs a run by URL, or undefined when the host does not answer (it may be down). */
export async function readRun(url: string): Promise<RunView | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as RunView;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('GET ')) throw error;
    return undefined;
  }
}

/** Polls a run until it is no longer Running. */
export async function waitForRun(url: string, timeoutMs = 30_000): Promise<RunView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const view = await readRun(url);
    if (view !== undefined && view.status !== 'Running') return view;
    if (Date.now() > until)
      throw new Error(`run ${url} not finished after ${timeoutMs} ms: ${JSON.stringify(view)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Finds an action anywhere in a run's tree (scopes, branches, loop iterations). */
export function findAction(actions: readonly ActionView[], name: string): ActionView | undefined {
  for (const a of actions) {
    if (a.name === name) return a;
    const inner =
      findAction(a.children ?? [], name) ??
      findAction(
        (a.iterations ?? []).flatMap((i) => i.actions),
        name,
      );
    if (inner) return inner;
  }
  return undefined;
}
