import { z } from 'zod';
import * as c from '../common';

/** Flowline connector (schema only): calls a SOAP endpoint with an XML envelope body. */
export const soapAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('Soap'),
    inputs: z.looseObject({
      uri: z.string(),
      soapAction: z.string().optional(),
      soapVersion: c.ci('1.1', '1.2').optional(),
      body: z.unknown(),
      headers: c.headers.optional(),
      authentication: c.authentication.optional(),
    }),
  })
  .meta({
    title: 'Soap',
    description: 'Flowline connector (schema only): calls a SOAP endpoint with an XML envelope body.',
  });
