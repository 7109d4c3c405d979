/** The reference check itself: it must catch what API Management would reject. */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './parse';
import { checkPolicy } from './policy-reference';

const wrap = (inbound: string, onError = ''): string =>
  `<policies><inbound>${inbound}</inbound><backend><base /></backend><outbound><base /></outbound><on-error>${onError}</on-error></policies>`;
const token = (inner: string, attributes = ''): string =>
  `<validate-azure-ad-token tenant-id="t"${attributes}>${inner}</validate-azure-ad-token>`;
const clients = '<client-application-ids><application-id>c</application-id></client-application-ids>';
const audiences = '<audiences><audience>a</audience></audiences>';

describe('the policy reference check', () => {
  it('accepts a document that follows the reference', () => {
    expect(checkPolicy(parsePolicy(wrap(`<base />${token(clients + audiences)}`)))).toEqual([]);
  });

  it.each([
    ['an undocumented attribute', token(clients, ' issuer="x"'), '', 'undocumented attribute issuer'],
    [
      'a value outside the documented set',
      '<set-header name="x" exists-action="remove" />',
      '',
      'exists-action="remove"',
    ],
    [
      'a missing required attribute',
      '<rate-limit-by-key calls="1" renewal-period="1" />',
      '',
      'no counter-key',
    ],
    [
      'children out of the documented order',
      token(audiences + clients),
      '',
      '<client-application-ids> is out of',
    ],
    [
      'a missing required child',
      '<cors><allowed-origins><origin>*</origin></allowed-origins></cors>',
      '',
      'no <allowed-headers>',
    ],
    [
      'a policy in a section it does not apply to',
      '',
      '<rate-limit-by-key calls="1" renewal-period="1" counter-key="k" />',
      'not allowed in on-error',
    ],
    ['set-body directly in on-error', '', '<set-body>x</set-body>', '<set-body> is not allowed in on-error'],
    ['an unknown policy', '<forward-everything />', '', '<forward-everything> is not a documented policy'],
    ['none of the alternative attributes', '<set-backend-service />', '', 'none of base-url|backend-id'],
  ])('rejects %s', (_case, inbound, onError, problem) => {
    const problems = checkPolicy(parsePolicy(wrap(inbound, onError)));
    expect(problems.join('\n')).toContain(problem);
  });

  it('refuses a document that is not well-formed XML', () => {
    expect(() => parsePolicy('<policies><inbound></policies>')).toThrow(/not well-formed/);
  });
});
