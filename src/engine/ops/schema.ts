/**
 * JSON Schema validation for ParseJson and for Request trigger bodies, with ajv. Logic Apps
 * schemas are mostly draft-04 style; unknown keywords and formats are ignored rather than fatal.
 * Compiled validators are cached by the schema's text (the same schema is validated on every run
 * and every replay).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonValue } from '../../expressions/values';
import { ActionFailure } from './failure';

export interface SchemaViolation {
  /** JSON pointer into the validated value; '' is the value itself. */
  readonly pointer: string;
  readonly message: string;
  readonly keyword: string;
}

// verbose: errors carry the offending value (`data`), which the type and enum messages quote.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  validateFormats: false,
  allowUnionTypes: true,
  verbose: true,
});
const CACHE_LIMIT = 256;
const cache = new Map<string, ValidateFunction>();

function compiled(schema: JsonValue): ValidateFunction {
  const key = JSON.stringify(schema);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let validate: ValidateFunction;
  try {
    // Draft-04 `id` and `$schema` URLs are not needed to validate and would make ajv look them up.
    const {
      $schema: _s,
      id: _id,
      ...rest
    } = (typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? schema : {}) as Record<
      string,
      JsonValue
    >;
    validate = ajv.compile(typeof schema === 'boolean' ? schema : rest);
  } catch (error) {
    throw new ActionFailure('InvalidSchema', `The JSON schema is not valid: ${(error as Error).message}`);
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, validate);
  return validate;
}

export function validateAgainstSchema(schema: JsonValue, value: JsonValue): SchemaViolation[] {
  const validate = compiled(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const where = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return {
        pointer: `${where}/${String(params['missingProperty'])}`,
        keyword: 'required',
        message: `Required property '${String(params['missingProperty'])}' is missing.`,
      };
    case 'type':
      return {
        pointer: where,
        keyword: 'type',
        message: `Expected ${String(params['type'])}, got ${typeOf(error.data)}.`,
      };
    case 'additionalProperties':
      return {
        pointer: `${where}/${String(params['additionalProperty'])}`,
        keyword: 'additionalProperties',
        message: `Property '${String(params['additionalProperty'])}' is not allowed.`,
      };
    case 'enum':
      return {
        pointer: where,
        keyword: 'enum',
        message: `Expected one of ${JSON.stringify(params['allowedValues'])}, got ${JSON.stringify(error.data)}.`,
      };
    default:
      return { pointer: where, keyword: error.keyword, message: `Value ${error.message ?? 'is invalid'}.` };
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** ParseJson: JSON text is parsed (other values are taken as they are), then validated against `schema`. */
export function parseJsonAction(content: JsonValue, schema: JsonValue): JsonValue {
  let value = content;
  if (typeof content === 'string') {
    try {
      value = JSON.parse(content) as JsonValue;
    } catch (error) {
      throw new ActionFailure(
        'InvalidJSON',
        `The 'content' of the ParseJson action is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  const violations = validateAgainstSchema(schema, value);
  if (violations.length > 0) {
    throw new ActionFailure(
      'ValidationFailed',
      `The schema validation failed: ${violations.map((v) => `${v.pointer || '(root)'}: ${v.message}`).join(' ')}`,
      violations.map((v) => ({ pointer: v.pointer, message: v.message, keyword: v.keyword })),
    );
  }
  return value;
}
