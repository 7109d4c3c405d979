/** Input pieces the three Storage connectors share. */
import { z } from 'zod';

/** Every Storage input names its connection (an app setting) and may carry the engine's idempotency key. */
export const baseShape = {
  connection: z.string().min(1),
  idempotencyKey: z.string().optional(),
};

type Options = readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]];

/**
 * Operations are compared case-insensitively (as Logic Apps compares type names) and may have
 * aliases (`put` for `upload`); the result is a discriminated union on the canonical name.
 */
export function byOperation<const T extends Options>(aliases: Readonly<Record<string, string>>, options: T) {
  const union = z.discriminatedUnion('operation', options, {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const names = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
      const input: unknown = issue.input;
      const found =
        typeof input === 'object' && input !== null
          ? (input as { operation?: unknown }).operation
          : undefined;
      return `expected one of ${names.map((n) => `'${n}'`).join(', ')}, found ${found === undefined ? 'nothing' : JSON.stringify(found)}`;
    },
  });
  return z.preprocess((raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    if (typeof record.operation !== 'string') return raw;
    const operation = record.operation.toLowerCase();
    return { ...record, operation: aliases[operation] ?? operation };
  }, union);
}

/** Seconds, as a whole number in a range. */
export const seconds = (min: number, max: number) => z.number().int().min(min).max(max);
