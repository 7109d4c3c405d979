/**
 * The Soap activity's input, after the engine evaluated the action's `inputs` (and added
 * `idempotencyKey`). Mirrors `src/definition/actions/soap.ts`, which checks the same fields in
 * workflow files before expressions are evaluated.
 */
import { z } from 'zod';

/** One of `names` in any letter case, normalised to the spelling given here. */
const ci = <T extends string>(...names: [T, ...T[]]) =>
  z
    .string()
    .refine((v) => names.some((n) => n.toLowerCase() === v.toLowerCase()), {
      error: `expected one of ${names.map((n) => `'${n}'`).join(', ')} (any letter case)`,
    })
    .transform((v): T => names.find((n) => n.toLowerCase() === v.toLowerCase()) ?? names[0]);

const xmlName = z
  .string()
  .regex(/^[\p{L}_][\p{L}\p{N}_.\u00B7-]*$/u, { error: 'expected an XML element name without a prefix' });

const httpUrl = z.string().refine(
  (v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  },
  { error: 'expected an absolute http or https URL' },
);

const jsonObject = z.record(z.string(), z.unknown());

export const soapInput = z
  .object({
    uri: httpUrl,
    operation: xmlName.optional(),
    namespace: z.string().min(1, { error: 'expected a namespace URI' }).optional(),
    soapVersion: z.enum(['1.1', '1.2'], { error: "expected '1.1' or '1.2'" }).default('1.1'),
    soapAction: z
      .string()
      .refine(
        (v) => ![...v].some((ch) => ch === '"' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
        {
          error: 'expected no quotes or control characters',
        },
      )
      .optional(),
    body: jsonObject.optional(),
    envelope: z.string().min(1, { error: 'expected the envelope XML' }).optional(),
    soapHeaders: jsonObject.optional(),
    elementForm: ci('qualified', 'unqualified').default('qualified'),
    headers: jsonObject.optional(),
    authentication: z
      .looseObject({
        type: ci('None', 'Basic', 'Raw'),
        username: z.string().optional(),
        password: z.string().optional(),
        value: z.string().optional(),
      })
      .optional(),
    wsSecurity: z
      .object({
        username: z.string(),
        password: z.string(),
        passwordType: ci('PasswordText', 'PasswordDigest').default('PasswordText'),
      })
      .optional(),
    timeoutMs: z.number().int().positive().optional(),
    includeEnvelope: z.boolean().optional(),
    arrayElements: z.array(z.string()).optional(),
    idempotencyKey: z.string().optional(),
    /** The run's incoming W3C traceparent, if any (the engine adds it). */
    traceparent: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string): void =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (input.body !== undefined && input.envelope !== undefined) {
      issue('envelope', 'expected either body or envelope, found both');
    }
    if (input.envelope === undefined) {
      if (input.operation === undefined) issue('operation', 'expected the operation name, found none');
      if (input.namespace === undefined)
        issue('namespace', 'expected the operation namespace URI, found none');
    } else {
      if (input.wsSecurity !== undefined)
        issue('wsSecurity', 'expected no wsSecurity with a raw envelope (write the Security header into it)');
      if (input.soapHeaders !== undefined)
        issue('soapHeaders', 'expected no soapHeaders with a raw envelope (write them into it)');
    }
  });

export type SoapInput = z.output<typeof soapInput>;
