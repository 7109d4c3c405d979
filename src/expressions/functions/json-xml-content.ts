/**
 * XML values travel as the Logic Apps content envelope, the way `xml()` returns them:
 * `{"$content-type": "application/xml;charset=utf-8", "$content": "<base64>"}`.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../values';

export const XML_CONTENT_TYPE = 'application/xml;charset=utf-8';

export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToText(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function xmlContent(text: string): JsonObject {
  return { '$content-type': XML_CONTENT_TYPE, $content: textToBase64(text) };
}

/** The content type and decoded text of an envelope; undefined for any other value. */
export function readContent(value: JsonValue | undefined): { type: string; text: string } | undefined {
  if (!isJsonObject(value)) return undefined;
  const type = value['$content-type'];
  const content = value.$content;
  if (typeof type !== 'string' || typeof content !== 'string') return undefined;
  return { type: type.toLowerCase(), text: base64ToText(content) };
}

export const isXmlType = (type: string): boolean => /[/+]xml\b/.test(type);
