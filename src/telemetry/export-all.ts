/** Hands spans to an exporter in batches and waits for each result; a failed batch is an error. */
import { ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** Spans per export call: Application Insights accepts a few hundred envelopes per request comfortably. */
export const SPAN_BATCH = 500;

export async function exportAll(exporter: SpanExporter, spans: readonly ReadableSpan[]): Promise<void> {
  for (let start = 0; start < spans.length; start += SPAN_BATCH) {
    const batch = spans.slice(start, start + SPAN_BATCH);
    await new Promise<void>((resolve, reject) => {
      // Some exporters call back more than once for one export; the first answer counts.
      let answered = false;
      exporter.export(batch, (result) => {
        if (answered) return;
        answered = true;
        if (result.code === ExportResultCode.SUCCESS) resolve();
        else reject(result.error ?? new Error(`The span exporter refused ${batch.length} spans.`));
      });
    });
  }
}
