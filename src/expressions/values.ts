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

/**
 * Sets `key` as an own data property. Plain assignment runs the `__proto__` setter for that key
 * (swapping the object's prototype and losing the data); keys from hostile input must use this.
 */
export function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
