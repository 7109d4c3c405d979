import type { JsonValue } from '../../expressions/values';

/** The type name Logic Apps prints in errors: Object, Array, String, Integer, Float, Boolean, Null. */
export function wdlTypeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'Null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object') return 'Object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  return typeof value === 'string' ? 'String' : 'Boolean';
}
