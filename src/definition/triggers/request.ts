import { z } from 'zod';
import * as c from '../common';

/** The HTTP request trigger: callers POST to the workflow's URL. */
export const requestTrigger = z
  .looseObject({
    ...c.triggerBaseShape,
    type: c.ci('Request'),
    kind: c.ci('Http', 'Button', 'Teams', 'Agent', 'PowerApp').optional(),
    inputs: z
      .looseObject({
        schema: z.unknown().optional(),
        method: z.string().optional(),
        relativePath: z.string().optional(),
      })
      .optional(),
    authorization: z
      .strictObject({
        roles: z.array(z.string()).optional(),
        scopes: z.array(z.string()).optional(),
        claims: z.record(z.string(), z.array(z.string())).optional(),
      })
      .optional()
      .meta({
        description:
          "Flowline: what a caller's Entra ID token must carry. Any one of `roles` (the `roles` claim), any one of `scopes` (the `scp` claim), and for each claim in `claims` one of the listed values. Enforced by API Management (generated policies) and by `flowline start --gateway`.",
      }),
  })
  .meta({ title: 'Request', description: 'Starts a run when an HTTP request arrives.' });
