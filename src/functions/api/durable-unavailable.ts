/**
 * Recognises the Durable API's "unavailable" answer: a 503 when its store cannot take writes (the
 * embedded host's store locked by another process or its disk full; on Azure, a storage outage). The
 * durable-functions client turns every unexpected status into a plain Error whose message carries the
 * status and the body as JSON text; this reads them back so a caller gets 503, not a crash.
 */
const UNAVAILABLE = /unexpected status code: 503\. Details: (.*)$/s;

/** The Durable API's reason when `error` is its 503, else undefined. */
export function durableUnavailable(error: unknown): string | undefined {
  const match = error instanceof Error ? UNAVAILABLE.exec(error.message) : null;
  const details = match?.[1];
  if (details === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(details);
    return typeof parsed === 'string' ? parsed : details;
  } catch {
    return details;
  }
}
