/**
 * Durable timers. On schema V3 a timer further away than `maximumShortTimerDuration` is a chain of
 * sub-timers, each taking an id when the previous one fired (protocol notes 2.8).
 */
import type { ShadowContext } from './shadowContext';
import { OK, ShadowTask } from './task';

export function createTimer(ctx: ShadowContext, fireAt: string, cancelled: boolean): ShadowTask {
  const final = Date.parse(fireAt);
  const { schemaV3, maxShortTimerMs, longTimerIntervalMs } = ctx.options;
  if (cancelled || !schemaV3 || final - ctx.nowMs <= maxShortTimerMs) return ctx.timer(fireAt, cancelled);
  const whole = new ShadowTask();
  const next = (): void => {
    const now = ctx.nowMs;
    if (now >= final) return whole.settle(OK);
    const at = final - now > maxShortTimerMs ? now + longTimerIntervalMs : final;
    ctx.timer(new Date(at).toISOString()).then(next);
  };
  next();
  return whole;
}
