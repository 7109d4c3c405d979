/** A metric reader the test pulls from, and the data points it read, flattened for assertions. */
import type { Attributes } from '@opentelemetry/api';
import { DataPointType, MetricReader } from '@opentelemetry/sdk-metrics';

export class TestMetricReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface Point {
  readonly name: string;
  readonly attributes: Attributes;
  /** A counter's sum. */
  readonly value?: number;
  /** A histogram's number of recordings. */
  readonly count?: number;
}

export async function metricPoints(reader: TestMetricReader): Promise<Point[]> {
  const { resourceMetrics } = await reader.collect();
  const points: Point[] = [];
  for (const scope of resourceMetrics.scopeMetrics)
    for (const metric of scope.metrics)
      for (const point of metric.dataPoints) {
        const name = metric.descriptor.name;
        if (metric.dataPointType === DataPointType.HISTOGRAM)
          points.push({
            name,
            attributes: point.attributes,
            count: (point.value as { count: number }).count,
          });
        else points.push({ name, attributes: point.attributes, value: point.value as number });
      }
  return points;
}
