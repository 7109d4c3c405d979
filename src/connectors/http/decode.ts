/** Turns response bytes into WDL outputs: JSON parsed, text kept, anything else as a base64 envelope. */
import type { IncomingHttpHeaders } from 'node:http';
import type { HttpOutputs, JsonLike } from './types';
import type { RawResponse } from './send';

export function decodeResponse(response: RawResponse): HttpOutputs {
  return {
    statusCode: response.statusCode,
    headers: flatHeaders(response.headers),
    body: decodeBody(response),
  };
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function decodeBody(response: RawResponse): JsonLike {
  if (response.body.length === 0) return null;
  const type = String(response.headers['content-type'] ?? '').toLowerCase();
  const text = (): string => decodeText(response.body, type);
  if (/^application\/(?:[\w.-]+\+)?json\b/.test(type) || type.endsWith('+json')) {
    try {
      return JSON.parse(text()) as JsonLike;
    } catch {
      return text();
    }
  }
  if (
    type === '' ||
    type.startsWith('text/') ||
    /[/+]xml\b/.test(type) ||
    type.startsWith('application/x-www-form-urlencoded')
  ) {
    return text();
  }
  return { '$content-type': type, $content: response.body.toString('base64') };
}

/** Text in the charset the server declared (UTF-8 when none, or when Node does not know it). */
function decodeText(body: Buffer, type: string): string {
  const charset = /;\s*charset="?([\w.:-]+)"?/.exec(type)?.[1];
  if (charset !== undefined) {
    try {
      return new TextDecoder(charset).decode(body);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  return body.toString('utf8');
}

/** `Retry-After` in ms (seconds or an HTTP date), when present. */
export function retryAfterMs(headers: IncomingHttpHeaders, now: number = Date.now()): number | undefined {
  const value = headers['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
