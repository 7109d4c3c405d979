/**
 * Settings of the emulation: host.json `extensions.durableTask` plus options for tests. Durations are
 * the Azure Storage provider's defaults, advertised to the SDK as .NET TimeSpan strings (schema V3).
 */
import { availableParallelism } from 'node:os';
import type { Clock } from '../clock';

export interface DurableOptions {
  /** Time source; a test clock skips time. Default: the host's system clock. */
  readonly clock?: Clock;
  /** Default 3 days (Azure Storage). */
  readonly longTimerIntervalMs?: number;
  /** Default 6 days (Azure Storage). */
  readonly maxShortTimerMs?: number;
  /** Default 30 s, the extension's `defaultAsyncRequestSleepTimeMilliseconds`. */
  readonly httpSleepMs?: number;
}

export interface DurableConfig {
  readonly hubName: string;
  readonly maxConcurrentActivities: number;
  readonly maxConcurrentOrchestrations: number;
  readonly longTimerIntervalMs: number;
  readonly maxShortTimerMs: number;
  readonly httpSleepMs: number;
}

const DAY_MS = 24 * 3600 * 1000;

export function readConfig(
  hostJson: Readonly<Record<string, unknown>>,
  options: DurableOptions,
): DurableConfig {
  const extensions = hostJson['extensions'] as Record<string, unknown> | undefined;
  const durable = (extensions?.['durableTask'] ?? {}) as Record<string, unknown>;
  const cores = availableParallelism();
  return {
    hubName: typeof durable['hubName'] === 'string' ? durable['hubName'] : 'TestHubName',
    maxConcurrentActivities: positive(durable, 'maxConcurrentActivityFunctions', 10 * cores),
    maxConcurrentOrchestrations: positive(durable, 'maxConcurrentOrchestratorFunctions', 10 * cores),
    longTimerIntervalMs: options.longTimerIntervalMs ?? 3 * DAY_MS,
    maxShortTimerMs: options.maxShortTimerMs ?? 6 * DAY_MS,
    httpSleepMs: options.httpSleepMs ?? 30_000,
  };
}

function positive(section: Record<string, unknown>, key: string, fallback: number): number {
  const value = section[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new Error(
      `host.json extensions.durableTask.${key} must be a positive integer, got ${JSON.stringify(value)}.`,
    );
  return value;
}

/** .NET TimeSpan text `d.hh:mm:ss` as the extension sends it. */
export function timeSpan(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${days}.${pad(h)}:${pad(m)}:${pad(s)}`;
}
