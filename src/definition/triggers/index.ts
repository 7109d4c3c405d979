/** Registration of every trigger kind, keyed by lower-case type name. Registration only. */
import { z } from 'zod';
import { httpTrigger } from './http';
import { httpWebhookTrigger } from './httpWebhook';
import { recurrenceTrigger } from './recurrence';
import { requestTrigger } from './request';

export const triggerKinds = { requestTrigger, recurrenceTrigger, httpTrigger, httpWebhookTrigger } as const;

export const triggerSchemas: ReadonlyMap<string, z.ZodType> = new Map(
  Object.values(triggerKinds).map((schema) => [typeNameOf(schema).toLowerCase(), schema]),
);
export const triggerTypeNames: readonly string[] = Object.values(triggerKinds).map(typeNameOf);

function typeNameOf(schema: z.ZodType): string {
  const title = z.globalRegistry.get(schema)?.title;
  if (title === undefined) throw new Error('Every trigger schema needs a title naming its type.');
  return title;
}

export const anyTrigger = z.union(Object.values(triggerKinds));
