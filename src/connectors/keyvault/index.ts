/**
 * KeyVaultSecret: checks that a secret can be read with the app's identity and returns a secret
 * token for it, never the value. Later actions pass `body('Get_secret')?['value']` into a connector
 * input (a header, an authentication password) and that connector's activity swaps the token for the
 * value; the run's history, outputs and logs only ever hold the token. The action's outputs are
 * marked secure as well.
 */
import { z } from 'zod';
import { defineConnector, terminal } from '../activity';
import { SecretNotFound } from '../secrets/resolve';
import { secretToken } from '../secrets/tokens';
import { CONNECTOR_ACTIVITIES } from '../../engine/activities';

const input = z.object({
  vault: z.string().min(1),
  name: z.string().min(1),
  version: z.string().min(1).optional(),
});

export const keyVaultSecretConnector = defineConnector({
  name: CONNECTOR_ACTIVITIES.keyvaultsecret,
  input,
  async run({ vault, name, version }, ctx) {
    const reference = { vault, name, ...(version === undefined ? {} : { version }) };
    try {
      await ctx.secrets.resolve(reference);
    } catch (error) {
      if (error instanceof SecretNotFound) return terminal('SecretNotFound', error.message);
      throw error;
    }
    const body = {
      vault,
      name,
      ...(version === undefined ? {} : { version }),
      value: secretToken(reference),
    };
    return { ok: true, outputs: { body } };
  },
});
