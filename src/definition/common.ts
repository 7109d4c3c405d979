/**
 * Building blocks shared by every trigger and action schema: case-insensitive type names,
 * values that may be an expression, `runAfter`, `retryPolicy`, `limit`, `runtimeConfiguration`.
 * Objects are `looseObject`: Logic Apps keeps keys it does not know, so Flowline keeps the
 * author's data too; the loader warns about unknown keys in well-known objects instead.
 */
import { z } from 'zod';

/** A regex that matches `name` in any letter case (`[Ff][Oo]...`), so JSON Schema keeps the rule. */
function anyCase(name: string): string {
  return [...name]
    .map((c) =>
      c.toLowerCase() === c.toUpperCase()
        ? c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        : `[${c.toUpperCase()}${c.toLowerCase()}]`,
    )
    .join('');
}

/** One of `names`, compared case-insensitively as Logic Apps does (`foreach` == `Foreach`). */
export function ci(...names: string[]) {
  return z
    .string()
    .regex(new RegExp(`^(?:${names.map(anyCase).join('|')})$`), {
      error: `expected ${names.length === 1 ? `'${names[0] ?? ''}'` : `one of ${names.map((n) => `'${n}'`).join(', ')}`} (any letter case)`,
    })
    .meta({ examples: names });
}

/** A string that is a WDL expression (`@...`), allowed wherever a field takes a computed value. */
export const expression = z.string().meta({ description: "A workflow expression such as @parameters('x')." });
export const numberOrExpression = z.union([z.number(), expression]);
export const booleanOrExpression = z.union([z.boolean(), expression]);
/** Any JSON value; strings may contain expressions. */
export const anyValue = z.unknown();

/** ISO 8601 duration such as `PT20S`, `P1D`, `PT1H30M`. */
export const isoDuration = z
  .string()
  .regex(
    /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/,
    {
      error: 'expected an ISO 8601 duration such as PT20S or P1D',
    },
  );

export const runAfterStatus = ci('Succeeded', 'Failed', 'Skipped', 'TimedOut');
export const runAfter = z.record(z.string(), z.array(runAfterStatus)).meta({
  id: 'RunAfter',
  description: 'Predecessor actions in the same scope and the statuses that let this action run.',
});

export const retryPolicy = z
  .looseObject({
    type: ci('default', 'none', 'fixed', 'exponential'),
    count: numberOrExpression.optional(),
    interval: isoDuration.optional(),
    minimumInterval: isoDuration.optional(),
    maximumInterval: isoDuration.optional(),
  })
  .meta({
    id: 'RetryPolicy',
    description:
      'How failed calls are retried: default, none, fixed or exponential, with count and ISO 8601 intervals.',
  });

export const limit = z
  .looseObject({
    timeout: isoDuration.optional(),
    count: numberOrExpression.optional(),
  })
  .meta({
    id: 'Limit',
    description: 'limit.timeout: the longest the action may run, as an ISO 8601 duration.',
  });

export const runtimeConfiguration = z
  .looseObject({
    secureData: z
      .looseObject({ properties: z.array(ci('inputs', 'outputs')) })
      .optional()
      .meta({ description: 'Redact inputs and/or outputs in run history, logs and telemetry.' }),
    concurrency: z
      .looseObject({
        repetitions: z.number().int().min(1).max(50).optional(),
        runs: z.number().int().min(1).max(100).optional(),
        maximumWaitingRuns: z.number().int().min(1).optional(),
      })
      .optional(),
    staticResult: z
      .looseObject({ name: z.string(), staticResultOptions: ci('Enabled', 'Disabled') })
      .optional(),
    contentTransfer: z.looseObject({ transferMode: ci('Chunked') }).optional(),
    paginationPolicy: z.looseObject({ minimumItemCount: z.number().int() }).optional(),
  })
  .meta({
    id: 'RuntimeConfiguration',
    description: 'secureData, concurrency, staticResult, contentTransfer and paginationPolicy settings.',
  });

/** Fields every action may carry, whatever its type. */
export const actionBaseShape = {
  runAfter: runAfter.optional(),
  retryPolicy: retryPolicy.optional(),
  limit: limit.optional(),
  runtimeConfiguration: runtimeConfiguration.optional(),
  operationOptions: z.string().optional().meta({
    description: 'Comma-separated options such as Sequential (Foreach) or DisableAsyncPattern (Http).',
  }),
  trackedProperties: z
    .record(z.string(), anyValue)
    .optional()
    .meta({ description: 'Values recorded with the run for monitoring; may use expressions.' }),
  description: z.string().optional(),
  metadata: z.record(z.string(), anyValue).optional(),
};

/** Fields every trigger may carry. */
export const triggerBaseShape = {
  conditions: z.array(z.looseObject({ expression })).optional(),
  runtimeConfiguration: runtimeConfiguration.optional(),
  operationOptions: z.string().optional(),
  splitOn: expression.optional(),
  correlation: z.looseObject({ clientTrackingId: z.string().optional() }).optional(),
  description: z.string().optional(),
  metadata: z.record(z.string(), anyValue).optional(),
};

export const recurrence = z
  .looseObject({
    frequency: ci('Second', 'Minute', 'Hour', 'Day', 'Week', 'Month'),
    interval: numberOrExpression,
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    timeZone: z.string().optional(),
    schedule: z
      .looseObject({
        hours: z.array(numberOrExpression).optional(),
        minutes: z.array(numberOrExpression).optional(),
        weekDays: z
          .array(ci('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'))
          .optional(),
        monthDays: z.array(numberOrExpression).optional(),
      })
      .optional(),
  })
  .meta({
    id: 'Recurrence',
    description: 'A schedule: frequency and interval, optional startTime, timeZone and schedule.',
  });

/** Authentication block of HTTP operations (Basic, ClientCertificate, ActiveDirectoryOAuth, Raw, ManagedServiceIdentity). */
export const authentication = z
  .looseObject({
    type: ci('Basic', 'ClientCertificate', 'ActiveDirectoryOAuth', 'Raw', 'ManagedServiceIdentity', 'None'),
    username: z.string().optional(),
    password: z.string().optional(),
    pfx: z
      .string()
      .optional()
      .meta({ description: 'ClientCertificate / ActiveDirectoryOAuth: base64 PKCS#12.' }),
    pem: z.string().optional().meta({ description: 'Flowline: PEM certificate (and chain) instead of pfx.' }),
    key: z
      .string()
      .optional()
      .meta({ description: 'Flowline: PEM private key for pem (encrypted with password).' }),
    audience: z.string().optional(),
    authority: z.string().optional(),
    tenant: z.string().optional(),
    clientId: z.string().optional(),
    secret: z.string().optional(),
    credentialType: z.string().optional(),
    identity: z.string().optional(),
    value: z.string().optional(),
  })
  .meta({ id: 'Authentication', description: 'Outbound authentication for HTTP calls.' });

/** Headers or queries: an object of values, or one expression that yields the object. */
export const headers = z
  .union([z.record(z.string(), z.unknown()), z.string()])
  .meta({ id: 'HeadersOrExpression' });

/** The request every HTTP operation describes: the Http action and trigger, and webhook (un)subscribe calls. */
export const httpCallShape = {
  method: z.string(),
  uri: z.string(),
  headers: headers.optional(),
  body: z.unknown().optional(),
  authentication: authentication.optional(),
};
export const httpCall = z.looseObject(httpCallShape);

/**
 * A nested action map (`actions`, `else.actions`, `cases.*.actions`). Filled in by
 * `actions/index.ts` so that container schemas can refer to the union of every action kind.
 */
export const actionRef: { schema: z.ZodType } = { schema: z.looseObject({ type: z.string() }) };
export const actionMap = z.record(
  z.string(),
  z.lazy(() => actionRef.schema),
);
