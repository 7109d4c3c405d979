/**
 * Fixed-window rate limiting per key (the token's subject, else the client address): at most `limit`
 * requests per window; the window starts with the key's first request. Expired windows are swept
 * when the table grows, so memory stays bounded by the number of active callers.
 */
import type { RateLimit } from './config';

export type Admission = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

const SWEEP_AT = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly rule: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): Admission {
    const now = this.now();
    if (this.windows.size >= SWEEP_AT) this.sweep(now);
    const window = this.windows.get(key);
    if (window === undefined || now - window.start >= this.rule.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return { ok: true };
    }
    if (window.count < this.rule.limit) {
      window.count += 1;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.rule.windowMs - now) / 1000)),
    };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.rule.windowMs) this.windows.delete(key);
    }
  }
}
