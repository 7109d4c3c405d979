/**
 * Reading request bodies the way Logic Apps stores them: form posts as
 * `{"$content-type": "application/x-www-form-urlencoded", "$content": "<base64>", "$formdata": [{key, value}]}`
 * and multipart bodies as `{"$content-type": "multipart/...", "$multipart": [{headers, body}]}`.
 */
import { isJsonObject, type JsonValue } from '../values';
import { base64ToText } from './json-xml-content';

/** The key/value pairs of a form body; undefined when the body is not form data. */
export function formFields(body: JsonValue | undefined): { key: string; value: string }[] | undefined {
  if (typeof body === 'string') return parseUrlEncoded(body);
  if (!isJsonObject(body)) return undefined;
  const formdata = body.$formdata;
  if (Array.isArray(formdata)) {
    return formdata.filter(isJsonObject).map((entry) => ({
      key: typeof entry.key === 'string' ? entry.key : JSON.stringify(entry.key ?? null),
      value: typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value ?? null),
    }));
  }
  const type = typeof body['$content-type'] === 'string' ? body['$content-type'].toLowerCase() : '';
  if (type.startsWith('application/x-www-form-urlencoded') && typeof body.$content === 'string')
    return parseUrlEncoded(base64ToText(body.$content));
  if (Array.isArray(body.$multipart)) {
    return body.$multipart.filter(isJsonObject).flatMap((part) => {
      const name = partName(part.headers);
      if (name === undefined) return [];
      const value = part.body;
      return [{ key: name, value: typeof value === 'string' ? value : JSON.stringify(value ?? null) }];
    });
  }
  return undefined;
}

function parseUrlEncoded(text: string): { key: string; value: string }[] {
  return [...new URLSearchParams(text)].map(([key, value]) => ({ key, value }));
}

/** The `name` of a multipart part's Content-Disposition header. */
function partName(headers: JsonValue | undefined): string | undefined {
  if (!isJsonObject(headers)) return undefined;
  const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-disposition');
  const value = entry?.[1];
  if (typeof value !== 'string') return undefined;
  return /\bname="?([^";]+)"?/i.exec(value)?.[1];
}

/** The parts of a multipart body; undefined when the body is not multipart. */
export function multipartParts(body: JsonValue | undefined): JsonValue[] | undefined {
  if (!isJsonObject(body) || !Array.isArray(body.$multipart)) return undefined;
  return body.$multipart;
}
