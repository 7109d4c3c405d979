/** The trigger call's W3C `traceparent`, normalised, for the input of the runs it starts. */
import { parseTraceparent } from './ids';

/** `traceparent` in canonical form, or undefined when missing or not a valid W3C traceparent. */
export function incomingTraceparent(header: string | null): string | undefined {
  const parsed = parseTraceparent(header);
  if (parsed === undefined) return undefined;
  return `00-${parsed.traceId}-${parsed.spanId}-${parsed.flags.toString(16).padStart(2, '0')}`;
}
