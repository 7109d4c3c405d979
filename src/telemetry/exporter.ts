/**
 * Where spans go: the exporter installed here (tests install an `InMemorySpanExporter`). With none
 * installed, runs report nothing. An Application Insights exporter selected by
 * `APPLICATIONINSIGHTS_CONNECTION_STRING` is not wired yet (docs/operations.md, "Telemetry").
 * The installed exporter is kept on `globalThis` so that every copy of this module in the process
 * (the test's and the app's, loaded by the embedded host) sees the same one.
 */
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

const SLOT = Symbol.for('flowline.telemetry.exporter');

interface Slot {
  [SLOT]?: SpanExporter;
}

/** Installs `exporter` for every run that ends from now on; `undefined` removes it. */
export function installSpanExporter(exporter: SpanExporter | undefined): void {
  const slot = globalThis as Slot;
  if (exporter === undefined) delete slot[SLOT];
  else slot[SLOT] = exporter;
}

/** The exporter runs report to, or undefined when telemetry is off. */
export function activeSpanExporter(): SpanExporter | undefined {
  return (globalThis as Slot)[SLOT];
}
