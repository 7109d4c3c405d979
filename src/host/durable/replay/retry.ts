/**
 * DTFx's RetryInterceptor, driven by the JavaScript retry options with the extension's defaults
 * (protocol notes 2.7). The host computes the backoff; the SDK only counts placeholders.
 */
import type { Action } from './actions';
import type { ShadowContext } from './shadowContext';
import { ShadowTask } from './task';

const SIX_DAYS_MS = 6 * 24 * 3600 * 1000;
const INT32_MAX = 2 ** 31 - 1;

export function withRetry(ctx: ShadowContext, action: Action, attempt: () => ShadowTask): ShadowTask {
  const options = action.retryOptions;
  const first = options?.firstRetryIntervalInMilliseconds ?? 0;
  const max = options?.maxNumberOfAttempts ?? 1;
  const coefficient = options?.backoffCoefficient ?? 1;
  const maxInterval = options?.maxRetryIntervalInMilliseconds ?? SIX_DAYS_MS;
  const timeout = options?.retryTimeoutInMilliseconds ?? INT32_MAX;
  const firstAttempt = ctx.nowMs;
  const whole = new ShadowTask();
  let retryCount = 0;
  const run = (): void =>
    attempt().then((outcome) => {
      if (outcome.ok) return whole.settle(outcome);
      if (outcome.nonRetriable) {
        warn629(ctx, action, 'the failure is marked non-retriable');
        return whole.settle(outcome);
      }
      if (retryCount >= max - 1) {
        // After the last attempt the extension still awaits a timer that fires at once.
        ctx.timer(ctx.now).then(() => whole.settle(outcome));
        return;
      }
      const now = ctx.nowMs;
      const delay =
        now >= firstAttempt + timeout ? 0 : Math.min(first * coefficient ** retryCount, maxInterval);
      retryCount += 1;
      if (delay <= 0) {
        warn629(ctx, action, 'the retry timeout ran out');
        return whole.settle(outcome);
      }
      ctx.timer(new Date(now + delay).toISOString()).then(run);
    });
  run();
  return whole;
}

function warn629(ctx: ShadowContext, action: Action, why: string): void {
  ctx.options.warn(
    `durable-js #629: retries of '${action.functionName ?? ''}' stopped without a timer because ${why}; ` +
      `the JavaScript SDK waits for one, so this orchestration stays Running (as on Azure).`,
  );
}
