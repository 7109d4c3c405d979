/**
 * Calls a connector activity with the action's retry policy: retries only what the connector says
 * is retryable (408, 429, 5xx, connection failures), waits on durable timers between attempts,
 * honours Retry-After, and records every failed attempt in the action's retry history.
 */
import type { JsonValue } from '../../expressions/values';
import { connectorOutcome, type ConnectorOutcome } from '../activities';
import { nextDelayMs, resolveRetryPolicy } from '../policy/retry';
import type { PortTask } from '../port';
import type { Proc } from '../scheduler';
import type { ActionEnv } from './env';

export type CallResult =
  { readonly kind: 'done'; readonly outcome: ConnectorOutcome } | { readonly kind: 'timedOut' };

export function* callConnector(
  env: ActionEnv,
  activity: string,
  input: JsonValue,
  retryPolicy: unknown,
  /** False for clean-up calls that must run even after the action's time limit (unsubscribe). */
  bounded = true,
): Proc<CallResult> {
  const policy = resolveRetryPolicy(retryPolicy);
  const { port } = env.state;
  const wait = function* (tasks: readonly PortTask[]): Proc<boolean> {
    if (bounded) return yield* env.waitOrTimeout(tasks);
    yield { kind: 'tasks', tasks };
    return true;
  };
  for (let retry = 1; ; retry++) {
    const startTime = env.state.isoNow();
    const task = port.callActivity(activity, input, {
      action: env.record.name,
      type: env.record.type,
      path: env.frame.path(),
      attempt: retry,
    });
    if (!(yield* wait([task]))) return { kind: 'timedOut' };
    const result = port.outcome(task);
    const outcome: ConnectorOutcome =
      result.state === 'completed'
        ? connectorOutcome(result.value)
        : {
            ok: false,
            retryable: true,
            error: {
              code: 'ActivityFailed',
              message: result.state === 'failed' ? result.message : 'pending',
            },
          };
    if (outcome.ok) return { kind: 'done', outcome };
    const delay = outcome.retryable
      ? nextDelayMs(policy, retry, () => env.state.random(), outcome.retryAfterMs)
      : undefined;
    if (delay === undefined) return { kind: 'done', outcome };
    (env.record.retryHistory ??= []).push({
      startTime,
      endTime: env.state.isoNow(),
      code: outcome.error?.code ?? 'ActionFailed',
      ...(outcome.error ? { error: { ...outcome.error } } : {}),
    });
    const timer = port.createTimer(port.now() + delay);
    if (!(yield* wait([timer]))) {
      port.cancelTimer(timer);
      return { kind: 'timedOut' };
    }
  }
}
