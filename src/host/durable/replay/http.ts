/**
 * `callHttp`: the built-in HTTP activity, and on schema V3 the 202 polling loop (a timer id, then a
 * GET of Location, per poll) that the SDK mirrors (protocol notes 2.12).
 */
import type { ShadowContext } from './shadowContext';
import { type Outcome, ShadowTask } from './task';

export const HTTP_ACTIVITY = 'BuiltIn::HttpActivity';

interface HttpResponseShape {
  readonly statusCode?: number;
  readonly headers?: Record<string, string | string[]>;
}

export function header(response: HttpResponseShape, name: string): string | undefined {
  for (const [key, value] of Object.entries(response.headers ?? {}))
    if (key.toLowerCase() === name.toLowerCase()) return Array.isArray(value) ? value[0] : value;
  return undefined;
}

export function callHttp(ctx: ShadowContext, request: Record<string, unknown>): ShadowTask {
  const whole = new ShadowTask();
  const polling = ctx.options.schemaV3 && request['asynchronousPatternEnabled'] !== false;
  const send = (req: Record<string, unknown>): void =>
    ctx.activity(HTTP_ACTIVITY, JSON.stringify(req)).then((outcome: Outcome) => {
      const response = (outcome.ok ? outcome.value : undefined) as HttpResponseShape | undefined;
      const location = response && header(response, 'Location');
      if (!polling || !response || response.statusCode !== 202 || !location) return whole.settle(outcome);
      // Like the SDK: any Retry-After value (even "0") is used, else the default sleep.
      const retryAfter = header(response, 'Retry-After');
      const seconds = Number(retryAfter);
      const delay = retryAfter && Number.isFinite(seconds) ? seconds * 1000 : ctx.options.httpSleepMs;
      const headers = { ...(req['headers'] as Record<string, unknown> | undefined) };
      for (const key of Object.keys(headers))
        if (key.toLowerCase() === 'x-functions-key') delete headers[key];
      ctx
        .timer(new Date(ctx.nowMs + delay).toISOString())
        .then(() => send({ ...req, method: 'GET', uri: location, content: undefined, headers }));
    });
  send(request);
  return whole;
}
