/**
 * Values that flow through expressions. WDL values are JSON values; binary content travels as the
 * Logic Apps content envelope `{"$content-type": "...", "$content": "<base64>"}`.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
