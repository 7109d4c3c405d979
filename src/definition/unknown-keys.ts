/**
 * Warnings for keys a well-known object does not define. Logic Apps ignores some unknown keys
 * and rejects others; Flowline keeps them (the schemas are loose) but says so, since an
 * unknown key is most often a typo (`runafter`, `inputs.uir`).
 */
import { z } from 'zod';
import type { Finding, JsonPath } from './diagnostic';
import { didYouMean } from './did-you-mean';

/** Keys Logic Apps itself writes that Flowline has no use for but should not warn about. */
const tolerated = new Set(['kind', 'type', 'correlation', 'isTrigger']);

export function warnUnknownKeys(schema: z.ZodType, value: unknown, path: JsonPath): Finding[] {
  const object = asObjectSchema(schema);
  if (object === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const findings: Finding[] = [];
  const shape: Record<string, z.ZodType> = object.shape;
  const known = Object.keys(shape);
  for (const [key, child] of Object.entries(value)) {
    const childSchema = shape[key];
    if (childSchema === undefined) {
      if (tolerated.has(key)) continue;
      const near = didYouMean(key, known);
      findings.push({
        severity: 'warning',
        path: [...path, key],
        message: `Unknown key '${key}' is kept but not used by Flowline.`,
        hint: near === undefined ? `Known keys here: ${known.join(', ')}.` : `Did you mean '${near}'?`,
      });
    } else if (key !== 'actions') {
      findings.push(...warnUnknownKeys(childSchema, child, [...path, key]));
    }
  }
  return findings;
}

/** The object schema inside optional/lazy wrappers, when the value must be an object with a fixed shape. */
function asObjectSchema(schema: z.ZodType): z.ZodObject | undefined {
  let current: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    if (current instanceof z.ZodObject) return current;
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
      current = current.unwrap() as z.ZodType;
    else return undefined;
  }
  return undefined;
}
