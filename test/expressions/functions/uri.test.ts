import { describe, expect, it } from 'vitest';
import { errorOf, run } from './helpers';

const documented: [expression: string, expected: unknown][] = [
  ["uriHost('https://www.localhost.com:8080')", 'www.localhost.com'],
  ["uriPath('https://www.contoso.com/catalog/shownew.htm?date=today')", '/catalog/shownew.htm'],
  [
    "uriPathAndQuery('https://www.contoso.com/catalog/shownew.htm?date=today')",
    '/catalog/shownew.htm?date=today',
  ],
  ["uriPort('https://www.localhost:8080')", 8080],
  ["uriQuery('https://www.contoso.com/catalog/shownew.htm?date=today')", '?date=today'],
  // The docs print "http" for this https URI, a typo: Logic Apps (System.Uri.Scheme) returns "https".
  ["uriScheme('https://www.contoso.com/catalog/shownew.htm?date=today')", 'https'],
];

describe('uri functions: documented examples', () => {
  it.each(documented)('%s returns the documented value', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});

const behaviour: [expression: string, expected: unknown][] = [
  ["uriPort('https://contoso.com/a')", 443],
  ["uriPort('http://contoso.com')", 80],
  ["uriPort('ftp://files.contoso.com/x')", 21],
  ["uriPort('urn:isbn:0451450523')", -1],
  ["uriPath('https://contoso.com')", '/'],
  ["uriPathAndQuery('https://contoso.com')", '/'],
  ["uriQuery('https://contoso.com/a')", ''],
  ["uriHost('HTTPS://Contoso.COM/A')", 'contoso.com'],
  ["uriHost('http://[::1]:8080/')", '[::1]'],
  ["uriScheme('HTTP://contoso.com')", 'http'],
  ["uriPath('https://contoso.com/a%20b/c d')", '/a%20b/c%20d'],
];

describe('uri functions: behaviour', () => {
  it.each(behaviour)('%s returns %j', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
});

describe('uri functions: errors', () => {
  it.each([
    ["uriHost('/relative/path')", /'\/relative\/path' is not an absolute URI/],
    ["uriPort('not a uri')", /is not an absolute URI/],
    ['uriScheme(1)', /expects its first parameter to be a string/],
  ])('%s fails with a clear message', (expression, message) => {
    expect(errorOf(expression)).toMatch(message);
  });
});
