/**
 * A caller starting many runs while the host may be down: a POST that gets no answer (connection
 * refused or reset) is retried, as a real client would; a POST that got a 202 is never repeated.
 */
import { type Accepted, readRun, type RunView, startRun } from './runs';
import { sleep } from './hostProcess';

export interface LoadResult {
  /** One entry per run, by the caller's own index. */
  readonly accepted: Accepted[];
  /** POSTs that got no answer and were sent again (each may have left a run behind). */
  readonly unanswered: number;
}

export async function startMany(
  origin: string,
  workflow: string,
  count: number,
  concurrency: number,
  body: (index: number) => unknown,
): Promise<LoadResult> {
  const accepted: Accepted[] = [];
  let unanswered = 0;
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < count) {
      const index = nextIndex++;
      for (;;) {
        try {
          accepted[index] = await startRun(origin, workflow, body(index));
          break;
        } catch (error) {
          // fetch throws TypeError('fetch failed') when there is no HTTP answer at all.
          if (!(error instanceof TypeError)) throw error;
          unanswered++;
          await sleep(100);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { accepted, unanswered };
}

/** Follows every Location until its run has ended (Running runs are asked again), a few at a time. */
export async function awaitAll(
  urls: readonly string[],
  timeoutMs: number,
  concurrency = 8,
): Promise<Map<string, RunView>> {
  const done = new Map<string, RunView>();
  const until = Date.now() + timeoutMs;
  while (done.size < urls.length) {
    if (Date.now() > until)
      throw new Error(`${urls.length - done.size} run(s) still not finished after ${timeoutMs} ms`);
    const pending = urls.filter((u) => !done.has(u));
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < pending.length) {
          const url = pending[next++] ?? '';
          const view = await readRun(url);
          if (view !== undefined && view.status !== 'Running') done.set(url, view);
        }
      }),
    );
    if (done.size < urls.length) await sleep(250);
  }
  return done;
}
