import { describe, expect, it } from 'vitest';
import { errorOf, run } from './helpers';

const octet = (base64: string) => ({ '$content-type': 'application/octet-stream', $content: base64 });

describe('conversion functions', () => {
  it.each([
    ["array('hello')", ['hello']],
    ["createArray('h', 'e', 'l', 'l', 'o')", ['h', 'e', 'l', 'l', 'o']],
    ["base64('hello')", 'aGVsbG8='],
    ["base64('héllo ✓')", 'aMOpbGxvIOKckw=='],
    ["base64ToString('aGVsbG8=')", 'hello'],
    ["decodeBase64('aGVsbG8=')", 'hello'],
    ["base64ToBinary('aGVsbG8=')", octet('aGVsbG8=')],
    ["binary('hello')", octet('aGVsbG8=')],
    ["string(binary('hello'))", 'hello'],
    ["base64(base64ToBinary('aGVsbG8='))", 'aGVsbG8='],
    ['bool(1)', true],
    ['bool(0)', false],
    ["bool('true')", true],
    ["bool('False')", false],
    ["dataUri('hello')", 'data:text/plain;charset=utf-8;base64,aGVsbG8='],
    ["dataUriToString('data:text/plain;charset=utf-8;base64,aGVsbG8=')", 'hello'],
    [
      "dataUriToBinary('data:text/plain;charset=utf-8;base64,aGVsbG8=')",
      { '$content-type': 'text/plain;charset=utf-8', $content: 'aGVsbG8=' },
    ],
    [
      "decodeDataUri('data:,hello%20world')",
      { '$content-type': 'text/plain;charset=US-ASCII', $content: 'aGVsbG8gd29ybGQ=' },
    ],
    ["decimal('1.25')", 1.25],
    ["float('10.333')", 10.333],
    ["int('10')", 10],
    ["int(' -42 ')", -42],
    ['string(10)', '10'],
    ['string(json(\'{"name": "Sophie Owen"}\'))', '{"name":"Sophie Owen"}'],
    ['string(true)', 'True'],
    ["encodeUriComponent('https://contoso.com')", 'https%3A%2F%2Fcontoso.com'],
    // Several arguments are joined first, as real designer-generated workflows use it.
    ["encodeUriComponent('workflows/', 'my app', '/runs')", 'workflows%2Fmy%20app%2Fruns'],
    ["uriComponent('a b!*()')", 'a%20b%21%2A%28%29'],
    ["decodeUriComponent('https%3A%2F%2Fcontoso.com')", 'https://contoso.com'],
    ["uriComponentToString('https%3A%2F%2Fcontoso.com')", 'https://contoso.com'],
    ["uriComponentToBinary('hello%20world')", octet('aGVsbG8gd29ybGQ=')],
  ])('%s is %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each([
    ["int('10.5')", /'10.5' of type 'String' cannot be converted to an integer/],
    ["int('abc')", /cannot be converted to an integer/],
    ["float('1,5x')", /cannot be converted to a number/],
    ["bool('yes')", /a boolean, a number, or the text 'true' or 'false'/],
    ["base64ToString('not base64!')", /not valid base64/],
    ["dataUriToString('hello')", /is not a data URI/],
    ["decodeUriComponent('%E0%A4%A')", /malformed percent-encoding/],
  ])('%s fails clearly', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });
});

describe('JSON manipulation functions', () => {
  it.each([
    ['coalesce(null, true, false)', true],
    ["coalesce(null, 'hello', 'world')", 'hello'],
    ['coalesce(null, null)', null],
    [
      "addProperty(json('{\"firstName\": \"Sophia\"}'), 'surName', 'Owen')",
      { firstName: 'Sophia', surName: 'Owen' },
    ],
    [
      'setProperty(json(\'{"firstName": "Sophia", "surName": "Owen"}\'), \'surName\', \'Hartnett\')',
      { firstName: 'Sophia', surName: 'Hartnett' },
    ],
    [
      'removeProperty(json(\'{"firstName": "Sophia", "surName": "Owen"}\'), \'surName\')',
      { firstName: 'Sophia' },
    ],
    ['createArray()', []],
  ])('%s is %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('addProperty refuses to overwrite an existing property', () => {
    expect(errorOf("addProperty(json('{\"a\": 1}'), 'a', 2)")).toMatch(
      /'a' because it already exists. Use setProperty/,
    );
  });

  it('setProperty with __proto__ creates an own property and never changes the prototype', () => {
    const result = run("setProperty(json('{}'), '__proto__', json('{\"polluted\": true}'))");
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result as object, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
