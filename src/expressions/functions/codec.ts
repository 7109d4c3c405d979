/**
 * Binary content as Logic Apps passes it between actions: the envelope
 * `{"$content-type": "...", "$content": "<base64>"}`. Pure: no Buffer, only TextEncoder/TextDecoder.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../values';
import { base64ToText, textToBase64 } from './json-xml-content';

export const OCTET_STREAM = 'application/octet-stream';

export function binaryContent(base64: string, contentType = OCTET_STREAM): JsonObject {
  return { '$content-type': contentType, $content: base64 };
}

/** The envelope's base64 payload, or undefined when the value is not an envelope. */
export function contentBase64(value: JsonValue | undefined): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const content = value.$content;
  return typeof value['$content-type'] === 'string' && typeof content === 'string' ? content : undefined;
}

/** Strict base64 check (standard alphabet, optional padding), so bad input fails instead of decoding garbage. */
export function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.replace(/=+$/, '').length % 4 !== 1;
}

export { base64ToText, textToBase64 };
