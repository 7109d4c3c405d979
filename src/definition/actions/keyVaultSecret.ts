import { z } from 'zod';
import * as c from '../common';

/** Flowline connector (schema only): reads a Key Vault secret inside an activity; outputs are always secure. */
export const keyVaultSecretAction = z
  .looseObject({
    ...c.actionBaseShape,
    type: c.ci('KeyVaultSecret'),
    inputs: z.looseObject({
      vault: z.string(),
      name: z.string(),
      version: z.string().optional(),
    }),
  })
  .meta({
    title: 'KeyVaultSecret',
    description:
      'Flowline connector (schema only): reads a Key Vault secret inside an activity; outputs are always secure.',
  });
