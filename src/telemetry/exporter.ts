/**
 * Where spans go: the exporter installed here (tests install an `InMemorySpanExporter`;
 * `startApplicationInsights` installs Azure Monitor's, still loading). With none installed, runs
 * report nothing. The installed exporter is kept on `globalThis` so that every copy of this module
 * in the process (the test's and the app's, loaded by the embedded host) sees the same one.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

const SLOT = Symbol.for('flowline.telemetry.exporter');

type Installed = SpanExporter | Promise<SpanExporter | undefined>;

interface Slot {
  [SLOT]?: Installed;
}

/**
 * Installs `exporter` for every run that starts from now on; `undefined` removes it. A promise
 * stands for an exporter still loading: runs started meanwhile are reported once it is ready.
 */
export function installSpanExporter(exporter: Installed | undefined): void {
  const slot = globalThis as Slot;
  if (exporter === undefined) delete slot[SLOT];
  else slot[SLOT] = exporter;
}

/** Whether runs starting now should be reported when they end. */
export function telemetryOn(): boolean {
  return (globalThis as Slot)[SLOT] !== undefined;
}

/** The exporter runs report to, or undefined when telemetry is off (or failed to start). */
export async function activeSpanExporter(): Promise<SpanExporter | undefined> {
  return (globalThis as Slot)[SLOT];
}
