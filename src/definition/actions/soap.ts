import { z } from 'zod';
import * as c from '../common';

const description =
  'Flowline connector: calls a SOAP 1.1 or 1.2 operation with a body written as JSON (or a raw envelope) and returns the response Body as JSON. Runs as an activity.';

/** Flowline connector: calls a SOAP operation (see docs/connectors.md (Soap)). */
export const soapAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Soap'),
    inputs: z
      .looseObject({
        uri: z.string().meta({ description: 'The endpoint URL (http or https).' }),
        operation: z
          .string()
          .optional()
          .meta({ description: "Local name of the Body's element, usually the operation name." }),
        namespace: z.string().optional().meta({ description: 'Namespace URI of the operation element.' }),
        soapVersion: c.ci('1.1', '1.2').optional().meta({ description: "'1.1' (default) or '1.2'." }),
        soapAction: z.string().optional().meta({
          description:
            'SOAPAction (1.1 header, 1.2 content-type action). Default: namespace + "/" + operation (one "/" only).',
        }),
        body: z.unknown().optional().meta({
          description:
            'JSON for the operation element\'s content: keys are child elements in order, arrays repeat, "@x" are attributes, "#text" is text, null is xsi:nil.',
        }),
        envelope: z
          .string()
          .optional()
          .meta({ description: 'A complete SOAP envelope sent as is, instead of body.' }),
        soapHeaders: z
          .unknown()
          .optional()
          .meta({ description: 'JSON for soap:Header children, written like body.' }),
        elementForm: c.ci('qualified', 'unqualified').optional().meta({
          description: "Whether body children carry the operation namespace ('qualified', default).",
        }),
        headers: c.headers.optional(),
        authentication: c.authentication.optional(),
        wsSecurity: z
          .union([
            z.looseObject({
              username: z.string(),
              password: z.string(),
              passwordType: c.ci('PasswordText', 'PasswordDigest').optional(),
            }),
            c.expression,
          ])
          .optional()
          .meta({ description: 'WS-Security UsernameToken: username, password, passwordType.' }),
        timeoutMs: c.numberOrExpression.optional(),
        includeEnvelope: c.booleanOrExpression
          .optional()
          .meta({ description: 'Also return the raw response envelope as outputs.envelope.' }),
        arrayElements: z
          .union([z.array(z.string()), c.expression])
          .optional()
          .meta({ description: 'Response element names that are always arrays, even when they occur once.' }),
        retryPolicy: c.retryPolicy.optional(),
      })
      .superRefine((inputs, ctx) => {
        if (inputs.envelope !== undefined && inputs.body !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['envelope'],
            message: 'expected either body or envelope, not both',
          });
        if (inputs.envelope === undefined) {
          for (const field of ['operation', 'namespace'] as const) {
            if (inputs[field] === undefined)
              ctx.addIssue({
                code: 'custom',
                path: [field],
                message: `expected ${field} when there is no envelope`,
              });
          }
        }
      }),
  })
  .meta({ title: 'Soap', description });
