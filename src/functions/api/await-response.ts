/**
 * Waits for a run's Response action (published as the orchestration's custom status) or its end,
 * polling the durable status API with a growing interval. Logic Apps waits up to 120 s for a
 * Response; `FLOWLINE_RESPONSE_TIMEOUT_SECONDS` changes that here.
 */
import type { DurableClient } from 'durable-functions';
import { readResponse, readRunResult } from '../../engine/run-result';
import type { RunResponse, RunResult } from '../../engine/run-types';
import type { JsonValue } from '../../expressions/values';
import { text } from '../../engine/text';

export type AwaitedRun =
  | { readonly kind: 'response'; readonly response: RunResponse }
  | { readonly kind: 'ended'; readonly result: RunResult }
  | { readonly kind: 'timeout' };

const TERMINAL = new Set(['Completed', 'Failed', 'Terminated']);

export function responseTimeoutMs(): number {
  const seconds = Number(process.env['FLOWLINE_RESPONSE_TIMEOUT_SECONDS'] ?? 120);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 120_000;
}

export async function awaitResponse(
  client: DurableClient,
  runId: string,
  timeoutMs: number,
): Promise<AwaitedRun> {
  const deadline = Date.now() + timeoutMs;
  let pause = 2;
  for (;;) {
    const status = await client.getStatus(runId, { showInput: false });
    const custom = status.customStatus as JsonValue | undefined;
    if (
      custom !== null &&
      typeof custom === 'object' &&
      !Array.isArray(custom) &&
      custom.response !== undefined
    ) {
      return { kind: 'response', response: readResponse(custom.response) };
    }
    const runtime = String(status.runtimeStatus);
    if (TERMINAL.has(runtime)) {
      if (runtime === 'Completed')
        return { kind: 'ended', result: readRunResult((status.output ?? null) as JsonValue) };
      const message =
        runtime === 'Terminated' ? 'The run was cancelled.' : failureSummary(text(status.output ?? ''));
      return {
        kind: 'ended',
        result: {
          status: runtime === 'Terminated' ? 'Cancelled' : 'Failed',
          error: { code: runtime, message },
        },
      };
    }
    const left = deadline - Date.now();
    if (left <= 0) return { kind: 'timeout' };
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    pause = Math.min(pause * 2, 100);
  }
}

/**
 * The first line of an orchestration failure. The durable output goes on with the error's details
 * (a JSON blob with the stack trace and the app's file paths), which operators read in the run view
 * but a caller of the trigger must not get.
 */
export function failureSummary(output: string): string {
  const line = output.split('\n', 1)[0]?.trim() ?? '';
  return line === '' ? 'The run failed.' : line;
}
