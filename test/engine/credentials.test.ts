/** What the run view shows of credentials written in action inputs. */
import { describe, expect, it } from 'vitest';
import { withoutCredentials } from '../../src/engine/actions/http-action';
import type { JsonObject } from '../../src/expressions/values';

describe('withoutCredentials', () => {
  it.each<[string, JsonObject, JsonObject]>([
    [
      'a Basic password',
      { uri: 'u', authentication: { type: 'Basic', username: 'a', password: 'p' } },
      { uri: 'u', authentication: { type: 'Basic', username: 'a', password: '*sanitized*' } },
    ],
    [
      'a client secret and a certificate',
      { authentication: { type: 'ActiveDirectoryOAuth', clientId: 'c', secret: 's', pfx: 'x', key: 'k' } },
      {
        authentication: {
          type: 'ActiveDirectoryOAuth',
          clientId: 'c',
          secret: '*sanitized*',
          pfx: '*sanitized*',
          key: '*sanitized*',
        },
      },
    ],
    [
      'a WS-Security password',
      { wsSecurity: { username: 'u', password: 'p', passwordType: 'PasswordText' } },
      { wsSecurity: { username: 'u', password: '*sanitized*', passwordType: 'PasswordText' } },
    ],
    [
      'inputs without credentials',
      { uri: 'u', body: { password: 'a field of the payload' } },
      { uri: 'u', body: { password: 'a field of the payload' } },
    ],
  ])('hides %s', (_case, inputs, shown) => {
    expect(withoutCredentials(inputs)).toEqual(shown);
  });
});
